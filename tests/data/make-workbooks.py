#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the workbooks tests/test-workbook.c reads, without Excel or LibreOffice.

Usage: make-workbooks.py [OUTPUT_DIR [CORPUS_DIR]]

The parts are hand-written XML in the layout Excel 2016 and LibreOffice 7
write (same parts, names, namespaces and attributes), cut down to what the
reader looks at plus some of what it must skip. Every file has fixed
timestamps, so running the script again gives the same files with the same
zlib. The default output is the folder of this script; with CORPUS_DIR it
also writes the fuzzing seeds: the same workbooks with stored (uncompressed)
parts, which a fuzzer can change without breaking the compression, and a
few damaged ones.
"""

import os
import sys
import zipfile

STAMP = (2024, 1, 1, 0, 0, 0)

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'


def write_zip(path, parts, compression=zipfile.ZIP_DEFLATED):
    """parts: (name, text) in archive order; mimetype is always stored."""
    with zipfile.ZipFile(path, 'w') as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_STORED if name == 'mimetype' else compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode('utf-8'), compresslevel=6)


# ----------------------------------------------------------------- XLSX

def content_types(sheets):
    overrides = ''.join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, sheets + 1))
    return (XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + overrides +
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            '</Types>')


ROOT_RELS = (XML + f'<Relationships xmlns="{NS_PKG_REL}">'
             f'<Relationship Id="rId3" Type="{REL_TYPE}extended-properties" '
             'Target="docProps/app.xml"/>'
             f'<Relationship Id="rId1" Type="{REL_TYPE}officeDocument" '
             'Target="xl/workbook.xml"/>'
             '</Relationships>')

APP = (XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
       'extended-properties"><Application>Microsoft Excel</Application></Properties>')


def workbook(sheets, date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="166925"/>'
    listed = ''.join(f'<sheet name="{name}" sheetId="{n + 1}" r:id="{rid}"/>'
                     for n, (name, rid) in enumerate(sheets))
    return (XML + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>'
            + pr + '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" '
            'windowHeight="12300"/></bookViews>'
            f'<sheets>{listed}</sheets><calcPr calcId="191029"/></workbook>')


def workbook_rels(targets):
    rels = ''.join(f'<Relationship Id="{rid}" Type="{REL_TYPE}{kind}" Target="{target}"/>'
                   for rid, kind, target in targets)
    return XML + f'<Relationships xmlns="{NS_PKG_REL}">{rels}</Relationships>'


# cellXfs: 0 General, 1 d/m/yyyy (14), 2 date and time (22), 3 h:mm (20),
# 4 dd/mm/yyyy, 5 "Week "0, 6 [h]:mm, 7 d mmmm yyyy, 8 0.00,
# 9 Excel's long system date, 10 a number with "days" in quotes, 11 [Red]0.0
STYLES = (XML + f'<styleSheet xmlns="{NS_MAIN}">'
          '<numFmts count="8">'
          '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '<numFmt numFmtId="165" formatCode="&quot;Week &quot;0"/>'
          '<numFmt numFmtId="166" formatCode="[h]:mm"/>'
          '<numFmt numFmtId="167" formatCode="d mmmm yyyy"/>'
          '<numFmt numFmtId="168" formatCode="0.00"/>'
          '<numFmt numFmtId="169" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/>'
          '<numFmt numFmtId="170" formatCode="#,##0.00 &quot;days&quot;"/>'
          '<numFmt numFmtId="171" formatCode="[Red]0.0"/>'
          '</numFmts>'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
          '</borders>'
          # cellStyleXfs comes first and must not be taken for cellXfs
          '<cellStyleXfs count="2"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="12">'
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
          + ''.join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0" '
                    'applyNumberFormat="1"/>' for n in range(164, 172)) +
          '</cellXfs>'
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
          '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0"/></dxf></dxfs>'
          '</styleSheet>')

SHARED = [
    '<si><t>Date</t></si>',                                              # 0
    '<si><t>Agency</t></si>',                                            # 1
    '<si><t>Event</t></si>',                                             # 2
    '<si><r><t>Pol</t></r><r><rPr><b/><sz val="11"/></rPr><t>ice</t></r></si>',  # 3
    '<si><t>Health</t></si>',                                            # 4
    '<si><t xml:space="preserve">Line one\nLine two</t></si>',          # 5
    '<si><t>03/04/2021</t></si>',                                        # 6
    '<si><t>a_x000D_b_x005F_x0041_</t></si>',                            # 7
    '<si><t xml:space="preserve">  padded </t></si>',                   # 8
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>'
    '<phoneticPr fontId="1"/></si>',                                     # 9
    '<si><t>Note</t></si>',                                              # 10
    '<si><t>first</t></si>',                                             # 11
    '<si><t>fourth</t></si>',                                            # 12
]


def shared_strings():
    return (XML + f'<sst xmlns="{NS_MAIN}" count="{len(SHARED) + 2}" '
            f'uniqueCount="{len(SHARED)}">' + ''.join(SHARED) + '</sst>')


def sheet(rows, extra_before='', extra_after=''):
    return (XML + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}" '
            'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
            '<dimension ref="A1:H12"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
            + extra_before + '<sheetData>' + ''.join(rows) + '</sheetData>' + extra_after +
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/></worksheet>')


def row(number, cells, spans='1:8'):
    attrs = f' r="{number}"' if number else ''
    return f'<row{attrs} spans="{spans}" x14ac:dyDescent="0.25">{"".join(cells)}</row>'


def c(ref, value=None, t=None, s=None, inline=None, formula=None):
    attrs = (f' r="{ref}"' if ref else '') + (f' s="{s}"' if s else '') + \
        (f' t="{t}"' if t else '')
    inner = (f'<f>{formula}</f>' if formula else '') + \
        (f'<v>{value}</v>' if value is not None else '') + \
        (f'<is>{inline}</is>' if inline is not None else '')
    return f'<c{attrs}>{inner}</c>' if inner else f'<c{attrs}/>'


CHRONOLOGY = [
    row(1, [c('A1', 0, 's'), c('B1', 1, 's'), c('C1', 2, 's'),
            c('D1', t='inlineStr', inline='<t>Time</t>')]),
    row(2, [c('A2', 44289, s=1), c('B2', 3, 's'),
            c('C2', t='inlineStr', inline='<t>Visit by "DC Smith" &amp; PC &lt;Jones&gt;</t>'),
            c('D2', '0.60416666666666663', s=3)]),
    row(3, [c('A3', 44290.75, s=2), c('B3', 4, 's'), c('C3', 5, 's')]),
    # row 4 is blank and not written at all
    row(5, [c('A5', 6, 's'), c('C5', 3.5), c('E5', 1, 'b')]),
    # cells without references follow one another
    row(6, [c(None, 1), c(None, 'Date', 'str', formula='A1'), c(None, 0, 'b')]),
    row(7, [c('A7', 44562, s=4), c('B7', 12, s=5), c('C7', 1.5, s=6), c('D7', 44289, s=7),
            c('E7', 1234.5, s=8), c('F7', 44289, s=9), c('G7', 5, s=10), c('H7', -2.25, s=11)]),
    row(9, [c('A9', 11, 's'), c('D9', 12, 's'), c('F9', s=1), c('G9', s=1)]),
    row(10, [c('A10', s=1), c('B10', s=2)]),
    row(11, [c('A11', '0.30000000000000004'), c('B11', '1E+20'), c('C11', '-0'),
             c('D11', 44289), c('E11', '#N/A', 'e'), c('F11', 7, 's'), c('G11', 8, 's'),
             c('H11', 9, 's')]),
    row(12, [c('A12', 60, s=1), c('B12', 0.5, s=1), c('C12', 2958466, s=1),
             c('D12', 2958465, s=1)]),
]

NOTES = [
    row(1, [c('A1', 10, 's')]),
    row(3, [c('B3', t='inlineStr',
              inline='<r><t xml:space="preserve">Rich </t></r><r><rPr><i/></rPr><t>inline</t>'
                     '</r><rPh sb="0" eb="1"><t>ignored</t></rPh>')]),
]


def return_xlsx():
    # Tabs in the order Chronology, Notes; the relationships in another
    # order, one target absolute and one relative.
    return [
        ('[Content_Types].xml', content_types(2)),
        ('_rels/.rels', ROOT_RELS),
        ('docProps/app.xml', APP),
        ('xl/workbook.xml', workbook([('Chronology', 'rId3'), ('Notes', 'rId1')])),
        ('xl/_rels/workbook.xml.rels', workbook_rels([
            ('rId1', 'worksheet', '/xl/worksheets/sheet2.xml'),
            ('rId2', 'styles', 'styles.xml'),
            ('rId3', 'worksheet', 'worksheets/sheet1.xml'),
            ('rId4', 'sharedStrings', 'sharedStrings.xml'),
        ])),
        ('xl/styles.xml', STYLES),
        ('xl/sharedStrings.xml', shared_strings()),
        ('xl/worksheets/sheet1.xml', sheet(CHRONOLOGY, '<cols><col min="1" max="1" '
                                           'width="12"/></cols>', '<mergeCells count="0"/>')),
        ('xl/worksheets/sheet2.xml', sheet(NOTES)),
    ]


def return_1904_xlsx():
    rows = [
        row(1, [c('A1', 42827, s=1)]),
        row(2, [c('A2', 0, s=1)]),
        row(3, [c('A3', 42827.5, s=2)]),
        row(4, [c('A4', 0.25, s=3)]),
    ]
    return [
        ('[Content_Types].xml', content_types(1)),
        ('_rels/.rels', ROOT_RELS),
        ('docProps/app.xml', APP),
        ('xl/workbook.xml', workbook([('Returns', 'rId1')], date1904=True)),
        ('xl/_rels/workbook.xml.rels', workbook_rels([
            ('rId1', 'worksheet', 'worksheets/sheet1.xml'),
            ('rId2', 'styles', 'styles.xml'),
        ])),
        ('xl/styles.xml', STYLES),
        ('xl/worksheets/sheet1.xml', sheet(rows)),
    ]


# ------------------------------------------------------------------ ODS

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.3"')

MANIFEST = (XML.replace(' standalone="yes"', '') +
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')

ODS_STYLES = (XML.replace(' standalone="yes"', '') +
              f'<office:document-styles {ODS_NS}><office:styles/></office:document-styles>')

ODS_META = (XML.replace(' standalone="yes"', '') +
            f'<office:document-meta {ODS_NS}><office:meta><meta:generator '
            'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0">'
            'LibreOffice/7.4.7.2$Linux_X86_64</meta:generator></office:meta>'
            '</office:document-meta>')


def cell(value_type=None, text=None, attrs='', repeat=None, paragraphs=None, extra=''):
    a = ''
    if value_type:
        a += f' office:value-type="{value_type}" calcext:value-type="{value_type}"'
    a += attrs
    if repeat:
        a += f' table:number-columns-repeated="{repeat}"'
    paras = paragraphs if paragraphs is not None else ([text] if text is not None else [])
    inner = extra + ''.join(f'<text:p>{p}</text:p>' for p in paras)
    return f'<table:table-cell{a}>{inner}</table:table-cell>' if inner else \
        f'<table:table-cell{a}/>'


def trow(cells, repeat=None):
    a = f' table:number-rows-repeated="{repeat}"' if repeat else ''
    return f'<table:table-row table:style-name="ro1"{a}>{"".join(cells)}</table:table-row>'


def s(text):
    return cell('string', text)


ODS_CHRONOLOGY = [
    trow([s('Date'), s('Agency'), s('Event'), cell(repeat=1021)]),
    trow([cell('date', '03/04/21', ' office:date-value="2021-04-03"'), s('Police'),
          cell('string', paragraphs=[
              'Visit<text:s/>by<text:s text:c="2"/>DC<text:tab/>Smith',
              'Follow-up<text:line-break/>call <text:span text:style-name="T1">made</text:span>'
              ' &amp; <text:a xlink:href="https://example.org/" '
              'xmlns:xlink="http://www.w3.org/1999/xlink">noted</text:a>'],
              extra='<office:annotation><dc:creator>Reviewer</dc:creator>'
                    '<text:p>A comment, not the cell</text:p></office:annotation>'),
          cell(repeat=1021)]),
    trow([cell('date', '04/04/21 18:00', ' office:date-value="2021-04-04T18:00:00"'),
          cell('float', '3.50', ' office:value="3.5"'),
          cell('percentage', '25%', ' office:value="0.25"'),
          cell('boolean', 'TRUE', ' office:boolean-value="true"'),
          cell('time', '14:30', ' office:time-value="PT14H30M00S"'),
          cell('currency', '£1,200.00', ' office:currency="GBP" office:value="1200"'),
          cell(repeat=1018)]),
    trow([cell('date', '05/04/21', ' office:date-value="2021-04-05T00:00:00"'),
          cell('date', '05/04/21 10:00', ' office:date-value="2021-04-05T09:59:59.999"'),
          cell('time', '36:00', ' office:time-value="PT36H00M00S"'),
          cell(repeat=1021)]),
    trow([cell(repeat=1024)]),
    trow([cell('string', 'x', repeat=3), cell(repeat=2), s('y'), cell(repeat=16378)]),
    trow([s('repeat'), cell(repeat=1023)], repeat=2),
    trow(['<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1" '
          'office:value-type="string" calcext:value-type="string"><text:p>merged</text:p>'
          '</table:table-cell>',
          '<table:covered-table-cell office:value-type="string"><text:p>hidden</text:p>'
          '</table:covered-table-cell>', s('after'), cell(repeat=1021)]),
    trow([cell('float', '0.3', ' office:value="0.30000000000000004"'),
          '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
          'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
          cell(repeat=1022)]),
    trow([cell(repeat=1024)], repeat=1048566),
]

ODS_NOTES = [
    '<table:table-header-rows>' + trow([s('Note')]) + '</table:table-header-rows>',
    trow([cell()]),
    '<table:table-row-group>' + trow([cell(), s('Third row')]) + '</table:table-row-group>',
]


def table(name, rows):
    return (f'<table:table table:name="{name}" table:style-name="ta1">'
            '<table:table-column table:style-name="co1" table:number-columns-repeated="16384" '
            'table:default-cell-style-name="Default"/>' + ''.join(rows) + '</table:table>')


def content(tables):
    return (XML.replace(' standalone="yes"', '') +
            f'<office:document-content {ODS_NS}><office:scripts/><office:font-face-decls/>'
            '<office:automatic-styles/><office:body><office:spreadsheet>'
            '<table:calculation-settings table:automatic-find-labels="false"/>'
            + ''.join(tables) +
            '<table:named-expressions/></office:spreadsheet></office:body>'
            '</office:document-content>')


def return_ods():
    return [
        ('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
        ('meta.xml', ODS_META),
        ('styles.xml', ODS_STYLES),
        ('content.xml', content([table('Chronology', ODS_CHRONOLOGY),
                                 table('Notes', ODS_NOTES)])),
        ('META-INF/manifest.xml', MANIFEST),
    ]


# ------------------------------------------------ returns for the importer

def inline(ref, text):
    return c(ref, t='inlineStr', inline=f'<t xml:space="preserve">{text}</t>')


# A police return as a workbook: a cover sheet first, the chronology on the
# second; dates as Excel stores them (serials under a date format), one as
# text, one approximate, and one impossible.
POLICE_ROWS = [
    row(1, [inline('A1', 'Date'), inline('B1', 'Record ref'), inline('C1', 'Details'),
            inline('D1', 'Significant?')]),
    row(2, [c('A2', 45750, s=1), inline('B2', 'CAD 100'),
            inline('C2', 'Call-out to the home'), inline('D2', 'Yes')]),
    row(3, [c('A3', 45751.5, s=2), inline('B3', 'CAD 101'), inline('C3', 'Follow-up visit'),
            inline('D3', 'No')]),
    row(4, [inline('A4', 'c. May 2025'), inline('B4', 'CAD 102'),
            inline('C4', 'Neighbour reports shouting')]),
    row(6, [inline('A6', '31/02/2025'), inline('B6', 'CAD 103'),
            inline('C6', 'A date that does not exist')]),
]


def police_xlsx():
    return [
        ('[Content_Types].xml', content_types(2)),
        ('_rels/.rels', ROOT_RELS),
        ('xl/workbook.xml', workbook([('Cover', 'rId1'), ('Chronology', 'rId2')])),
        ('xl/_rels/workbook.xml.rels', workbook_rels([
            ('rId1', 'worksheet', 'worksheets/sheet1.xml'),
            ('rId2', 'worksheet', 'worksheets/sheet2.xml'),
            ('rId3', 'styles', 'styles.xml'),
            ('rId4', 'sharedStrings', 'sharedStrings.xml'),
        ])),
        ('xl/styles.xml', STYLES),
        ('xl/sharedStrings.xml', shared_strings()),
        ('xl/worksheets/sheet1.xml', sheet([row(1, [inline('A1', 'Police return')])])),
        ('xl/worksheets/sheet2.xml', sheet(POLICE_ROWS)),
    ]


POLICE_ODS_ROWS = [
    trow([s('Date'), s('Record ref'), s('Details'), s('Significant?'), cell(repeat=1020)]),
    trow([cell('date', '03/04/25', ' office:date-value="2025-04-03"'), s('CAD 100'),
          s('Call-out to the home'), s('Yes'), cell(repeat=1020)]),
    trow([cell('date', '04/04/25 12:00', ' office:date-value="2025-04-04T12:00:00"'),
          s('CAD 101'), s('Follow-up visit'), s('No'), cell(repeat=1020)]),
    trow([s('c. May 2025'), s('CAD 102'), s('Neighbour reports shouting'), cell(repeat=1021)]),
    trow([cell(repeat=1024)]),
    trow([s('31/02/2025'), s('CAD 103'), s('A date that does not exist'), cell(repeat=1021)]),
    trow([cell(repeat=1024)], repeat=1048570),
]


def police_ods():
    return [
        ('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
        ('meta.xml', ODS_META),
        ('styles.xml', ODS_STYLES),
        ('content.xml', content([table('Cover', [trow([s('Police return')])]),
                                 table('Chronology', POLICE_ODS_ROWS)])),
        ('META-INF/manifest.xml', MANIFEST),
    ]


# --------------------------------------------------------------- corpus

def write_corpus(corpus):
    os.makedirs(corpus, exist_ok=True)
    for name, parts in (('return.xlsx', return_xlsx()), ('return.ods', return_ods())):
        write_zip(os.path.join(corpus, name), parts)
    for name, parts in (('return-stored.xlsx', return_xlsx()),
                        ('return-1904-stored.xlsx', return_1904_xlsx()),
                        ('return-stored.ods', return_ods())):
        write_zip(os.path.join(corpus, name), parts, zipfile.ZIP_STORED)
    with open(os.path.join(corpus, 'return-stored.xlsx'), 'rb') as f:
        whole = f.read()
    # cut short, and a sheet that is not XML
    with open(os.path.join(corpus, 'truncated.xlsx'), 'wb') as f:
        f.write(whole[:len(whole) // 2])
    broken = return_xlsx()
    broken[-2] = ('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c><v>1</c>')
    write_zip(os.path.join(corpus, 'bad-xml.xlsx'), broken, zipfile.ZIP_STORED)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else here
    write_zip(os.path.join(out, 'return.xlsx'), return_xlsx())
    write_zip(os.path.join(out, 'return-1904.xlsx'), return_1904_xlsx())
    write_zip(os.path.join(out, 'return.ods'), return_ods())
    write_zip(os.path.join(out, 'police-return.xlsx'), police_xlsx())
    write_zip(os.path.join(out, 'police-return.ods'), police_ods())
    if len(sys.argv) > 2:
        write_corpus(sys.argv[2])


if __name__ == '__main__':
    main()
