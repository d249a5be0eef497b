"""The web service: campaigns, uploads, the board and downloads. Wiring only — no form or format logic."""
