// GlossImport
