"""The only code that imports MkDocs or Material (or ProperDocs, which answers to the same imports):
the hook, the build command's orchestration, parallel page rendering and the theme's assets."""
