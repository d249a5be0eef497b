"""What both renderers share: GB/T 9704's numbers (geometry), text measured in characters (textfit, titles),
the 正文 as paragraphs (body), the document with the standard's rules applied (plan), the page estimate
(pagecount) and the fonts."""
