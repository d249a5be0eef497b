from urllib.parse import unquote

from huizong.service.http.downloads import content_disposition


def test_chinese_names_survive_in_filename_star():
    header = content_disposition("鄂尔多斯市检验检测机构汇总表.xlsx")
    assert header.startswith('attachment; filename="download.xlsx"; ')
    encoded = header.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "鄂尔多斯市检验检测机构汇总表.xlsx"


def test_header_cannot_be_broken_out_of():
    header = content_disposition('a"; filename="evil.exe\r\nX-Injected: 1.xlsx')
    assert "\r" not in header and "\n" not in header
    fallback = header.split('filename="')[1].split('"')[0]
    assert '"' not in fallback and ";" not in fallback


def test_ascii_names_keep_a_readable_fallback():
    assert 'filename="report-2024.pdf"' in content_disposition("report-2024.pdf")
