"""The core: models, method rules, storage and exports. Never imports Textual."""
