package region

// FileKeyNames are the loader's top-level keys, for the external test that
// compares them with the schema's (package schema imports region).
var FileKeyNames = fileKeys.names
