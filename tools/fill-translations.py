#!/usr/bin/env python3
"""Fills a Qt .ts file from a tab-separated source→translation table (tools/<lang>.tsv).

Usage: tools/fill-translations.py translations/mnad_zh_CN.ts tools/zh_CN.tsv
Run after `ninja update_translations`; prints the source texts still untranslated.
"""
import sys
import xml.etree.ElementTree as ET

ts_path, table_path = sys.argv[1], sys.argv[2]
table = {}
with open(table_path, encoding="utf-8") as f:
    for line in f:
        if line.strip():
            source, translation = line.rstrip("\n").split("\t")
            table[source] = translation

tree = ET.parse(ts_path)
missing = []
for message in tree.iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if source in table:
        forms = translation.findall("numerusform")
        if forms:  # a %n message: the text goes into its plural forms (zh_CN has one)
            for form in forms:
                form.text = table[source]
        else:
            translation.text = table[source]
        translation.attrib.pop("type", None)
    elif translation.get("type") == "unfinished":
        missing.append(source)
ET.indent(tree)
with open(ts_path, "wb") as f:
    f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
    tree.write(f, encoding="utf-8", xml_declaration=False)
for source in missing:
    print("untranslated:", source)
