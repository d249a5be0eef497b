"""Reading a 公文 back — a DOCX (styles resolved as Word does), a PDF (measured on the page) or a plain draft —
as blocks of text with what is known of their look, and recognising its parts (版头, 标题, 主送, headings,
附件说明, 署名, 成文日期, 附注, 附件, 版记). Shared by `doc check` and `doc format`."""
