#!/bin/sh
# compare-scenarios.sh: summarise a tender's scenarios from
# `tender compare -o json`, for a memo or a CI log, and fail when a scenario
# has no schedule or more errors than the base.
#
# Usage:
#   examples/compare-scenarios.sh [REGION [TENDER]]
#
# REGION is a region file or id (default: the built-in achterhoek); TENDER
# is needed when the region has several tenders. Other tender flags can be
# passed through TENDER_FLAGS, e.g. TENDER_FLAGS="--today 2021-01-01".
#
# Output, one line per plan (the base first), here with
# TENDER_FLAGS="--today 2026-11-22":
#
#   plan             schedule  contract-start  shift  implementation  errors  warnings  largest-move
#   base             yes       2022-01-01      0d     100d            0       0         -
#   original-plan    yes       2021-04-01      -275d  106d            0       1         beoordeling -281d
#   what-happened    yes       2022-07-01      +181d  87d             0       2         standstill-end +194d
#
# Exit status: 0 when every scenario has a schedule and no more errors than
# the base; 1 when one does not (the table is printed first); 2 when tender
# or jq cannot run.
#
# Needs tender and jq (1.5 or later) on the PATH.
set -eu

region=${1:-achterhoek}
tender_id=${2:-}

command -v jq >/dev/null 2>&1 || { echo "compare-scenarios.sh: jq is not installed" >&2; exit 2; }
command -v tender >/dev/null 2>&1 || { echo "compare-scenarios.sh: tender is not on the PATH" >&2; exit 2; }

# tender compare exits 0 also when a scenario has no schedule: that is part
# of its answer ("feasible": false), so a failure here is a real error.
# shellcheck disable=SC2086 # TENDER_FLAGS is split on purpose
if [ -n "$tender_id" ]; then
	json=$(tender compare "$region" --tender "$tender_id" -o json ${TENDER_FLAGS:-}) || exit 2
else
	json=$(tender compare "$region" -o json ${TENDER_FLAGS:-}) || exit 2
fi

printf '%s\n' "$json" | jq -r '
	# shift_days is null for milestones the base does not have: leave them out.
	def signed: if . > 0 then "+\(.)d" else "\(.)d" end;
	def days: if . == null then "-" else "\(.)d" end;
	# The milestone that moves most (the earliest in date order on a tie).
	def largest_move:
		[.milestones[] | select(.shift_days != null and .shift_days != 0)]
		| if length == 0 then "-"
		  else sort_by(if .shift_days < 0 then .shift_days else -.shift_days end)[0]
		       | "\(.id) \(.shift_days | signed)"
		  end;
	.scenarios[0] as $base
	| (["plan", "schedule", "contract-start", "shift", "implementation", "errors", "warnings", "largest-move"] | @tsv),
	  (.scenarios[]
	   | [ .name,
	       (if .feasible then "yes" else "NO" end),
	       (.contract_start // "-"),
	       (if .contract_start != null and $base.contract_start != null
	        then (((.contract_start + "T00:00:00Z" | fromdateiso8601)
	              - ($base.contract_start + "T00:00:00Z" | fromdateiso8601)) / 86400 | floor | signed)
	        else "-" end),
	       (.implementation_days | days),
	       (.errors | tostring),
	       (.warnings | tostring),
	       largest_move ]
	   | @tsv)' |
	awk -F '\t' '{ printf "%-16s %-9s %-15s %-6s %-15s %-7s %-9s %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'

# The verdict: every scenario planned, none with more errors than the base.
bad=$(printf '%s\n' "$json" | jq -r '
	.scenarios[0].errors as $e
	| .scenarios[1:][]
	| select((.feasible | not) or .errors > $e)
	| if .feasible then "\(.name): \(.errors) errors, the base has \($e)"
	  else "\(.name): no schedule\n  \(.conflict.message | gsub("\n"; "\n  "))" end')
if [ -n "$bad" ]; then
	printf '\n%s\n' "$bad" >&2
	exit 1
fi
