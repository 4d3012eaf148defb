"""Bytes to text that can be trusted: binary files refused, encodings detected, damage refused.

A file is read only when it is text. NUL bytes or many control bytes mean a binary file (a
program, an image, a database), refused as a whole. The encoding is the one given
(``--encoding``), else UTF-8 when the bytes are valid UTF-8 (a byte-order mark is honoured),
else what ``charset-normalizer`` finds. Decoding is always strict: text that does not decode is
refused, never read with replacement characters, and text that already carries U+FFFD
(damaged before it was saved), unpaired surrogates or NUL characters is refused as well.
"""
from __future__ import annotations

import codecs
import re

from .errors import InputError

#: bytes below 0x20 that plain text uses: tab, line feed, vertical tab, form feed, carriage
#: return, escape (terminal colours in logs)
_TEXT_CONTROLS = bytes([9, 10, 11, 12, 13, 27])
_CONTROL_BYTES = bytes(range(32)) + b"\x7f"
_DELETE_NON_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES or b in _TEXT_CONTROLS)
#: share of control bytes above which a file is binary (text has none but tabs and newlines)
BINARY_SHARE = 0.05
#: how much of a file's start the binary test and the encoding guess look at
SAMPLE = 1 << 20
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: among equally good guesses, the encodings of Western news archives come first: a short
#: Latin-1 text is as plausible in a dozen single-byte code pages
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ASCII = bytes(range(128))
_CONTROL_CHARS = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def check_encoding(name: str | None) -> str | None:
    """Return ``name`` when Python knows the encoding, else raise InputError naming the fix."""
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r}; give one such as utf-8, latin-1 or cp1252") from None


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding a byte-order mark at the start of ``data`` names, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


#: the first bytes of document formats people try to read, what they are, and what to do
_KNOWN_BINARY = (
    (b"%PDF-", "a PDF file, not text; convert it first (pdftotext FILE.pdf FILE.txt); not read"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt, .xlsx or .epub is one), not text; a Word or OpenDocument text is "
                     "read when its name ends in .docx or .odt, anything else save as text (.txt) or a web page "
                     "(.html) first; not read"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls), not text; save it as text (.txt) "
                            "first; not read"),
    (b"{\\rtf", "an RTF document, not text; save it as text (.txt) first; not read"),
    (b"\x1f\x8b", "a gzip-compressed file, not text; decompress it first (gunzip); not read"),
)


def binary_reason(sample: bytes) -> str | None:
    """Return why ``sample`` (a file's start) is not text, or None when it may be text. A
    document format people often try (PDF, Word, RTF, gzip) is named, with what to do."""
    if not sample or bom_encoding(sample) in ("utf-16", "utf-32"):
        return None
    for magic, reason in _KNOWN_BINARY:
        if sample.startswith(magic):
            return reason
    if b"\x00" in sample:
        return "a binary file (it holds NUL bytes), not text; not read"
    controls = len(sample.translate(None, _DELETE_NON_CONTROL))
    if controls > BINARY_SHARE * len(sample):
        return f"a binary file ({controls / len(sample):.0%} control bytes), not text; not read"
    return None


def guess_encoding(sample: bytes) -> str | None:
    """Return the encoding of ``sample``: its byte-order mark's, UTF-8 when it decodes so
    (a character cut at the sample's end is allowed), else charset-normalizer's best guess."""
    bom = bom_encoding(sample)
    if bom:
        return bom
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=len(sample) < SAMPLE)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few damaged bytes stays UTF-8 (its bad lines are refused); read as a
    # single-byte code page, all its other accents would turn to mojibake
    sequences = _UTF8_SEQUENCE.findall(sample)
    high = len(sample.translate(None, _ASCII))
    if sequences and 2 * sum(map(len, sequences)) >= high:
        return "utf-8"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    best = [m.encoding for m in matches if m.chaos == least]
    for name in _PREFERRED:
        if name in best:
            return name
    if best[0].startswith(_DOS_AND_MAC) and _reads_as_cp1252(sample):
        # a short Windows text (a euro sign, curly quotes) reads as well in a DOS or Mac code page
        # to the detector, but newsrooms save from Windows, not DOS: €3.5 million, not Ç3.5 million
        return "cp1252"
    return best[0]


#: code pages of DOS and old Macs, which a detector may pick for a short Windows-1252 text
_DOS_AND_MAC = ("cp437", "cp7", "cp8", "cp1125", "mac_")


def _reads_as_cp1252(sample: bytes) -> bool:
    """Whether the sample is Windows-1252 text: it decodes (none of the five unassigned bytes;
    every other byte of 0x80-0x9f decodes to a printable character) and holds no control
    character once decoded."""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not _CONTROL_CHARS.search(text)


def damage_reason(text: str, *, controls: bool = True) -> str | None:
    """Return why decoded ``text`` must not be processed (already damaged, or not text), or None.
    ``controls=False`` skips the count of control characters (done on the bytes already)."""
    if "\ufffd" in text:
        return "holds U+FFFD replacement characters (damaged before it was saved); not read"
    if "\x00" in text:
        return "holds NUL characters, not text; not read"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # only JSON escapes make them: strict decoding never does
            return "holds unpaired surrogate characters, not text; not read"
    if controls and _CONTROL_CHARS.search(text) and (
            len(_CONTROL_CHARS.findall(text[:SAMPLE])) > BINARY_SHARE * min(len(text), SAMPLE)):
        return "mostly control characters, not text; not read"
    return None


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def decode_document(data: bytes, *, path: str, encoding: str | None = None) -> str:
    """Return the text of a whole file's bytes, or raise InputError saying why it is not read."""
    bytes_checked = encoding is None
    if encoding is None:
        reason = binary_reason(data[:SAMPLE])
        if reason:
            raise InputError(reason, path=path)
        encoding = bom_encoding(data) or (_utf8(data) and "utf-8") or guess_encoding(data[:SAMPLE])
        if encoding is None:
            raise InputError("cannot tell the text's encoding; name it with --encoding (e.g. --encoding cp1252)",
                             path=path)
    elif bom_encoding(data) == "utf-8-sig" and codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {encoding} at byte {exc.start}; name the file's encoding with --encoding",
                         path=path) from None
    # the bytes were checked for control bytes, unless UTF-16/32 (whose bytes hold NULs)
    reason = damage_reason(text, controls=not bytes_checked
                           or codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")))
    if reason:
        raise InputError(reason, path=path)
    return text
