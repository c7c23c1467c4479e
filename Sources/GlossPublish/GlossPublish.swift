// GlossPublish
