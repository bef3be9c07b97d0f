"""Files on disk: the one atomic writer (`atomic`). Never imports Textual."""
