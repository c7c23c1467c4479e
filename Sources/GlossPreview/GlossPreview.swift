// GlossPreview
