"""The site: the mkdocs plugin, the site model, its views and the pages rendered from them."""
