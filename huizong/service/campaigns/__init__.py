"""What a campaign is and does, shared by the API and the pages.

`actions` (create, list, audit log) · `uploads` (take in a file) · `intake` (parse it after upload and file
it under a unit and form) · `board` (units × forms, each cell's status) · `views` (load a campaign and
shape it for answers) · `outputs` (汇总表, merged JSON, annotated returns) · `documents` (催报通知, 情况通报).
"""
