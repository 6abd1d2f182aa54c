"""Runs another PII detector over Sumi's own extraction (`sumi extract --format jsonl`) and writes
its results in the shape of Sumi's scan report, so that `sumi-eval` scores every tool the same way.

    python peers.py --peer presidio|privacy-masker|pleno --units units.jsonl --out report.json

Each peer sees exactly the text units Sumi reads (same text, source and location), one unit at a
time. Entity types are mapped to Sumi's categories (MAPS below); types with no counterpart among
the categories scored (URL, IP address, credit card, 法人番号 …) are dropped and counted.
Prints `key=value` lines: units, characters, load and detection seconds, dropped types.
"""
import argparse
import collections
import json
import sys
import time

MAPS = {
    # GiNZA (ja_ginza, Sekine's extended named entities) through Presidio, and Presidio's own recognizers.
    "presidio": {
        "PERSON": "person_name", "LOCATION": "address", "ADDRESS": "address",
        "PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email", "ID": "id_number", "MEDICAL": "medical",
    },
    "privacy-masker": {
        "PERSON": "person_name", "ADDRESS": "address", "LOCATION": "address", "EMAIL": "email",
        "PHONE_NUMBER": "phone", "POSTAL_CODE": "postal_code", "MY_NUMBER": "my_number",
        "DRIVERS_LICENSE": "id_number", "PASSPORT": "id_number", "RESIDENCE_CARD": "id_number",
        "PENSION_NUMBER": "id_number", "BANK_ACCOUNT": "bank_account",
    },
    "pleno": {
        "PERSON": "person_name", "PHONE_NUMBER": "phone", "EMAIL_ADDRESS": "email", "MY_NUMBER": "my_number",
        "POSTAL_CODE": "postal_code", "PASSPORT": "id_number", "DRIVER_LICENSE": "id_number",
        "HEALTH_INSURANCE": "id_number", "RESIDENCE_CARD": "id_number", "BANK_ACCOUNT": "bank_account",
    },
}

# GiNZA labels → Presidio entities (Presidio's ner_model_configuration).
GINZA_TO_PRESIDIO = {
    "Person": "PERSON", "Postal_Address": "ADDRESS", "Province": "LOCATION", "City": "LOCATION",
    "County": "LOCATION", "GPE_Other": "LOCATION", "Domestic_Region": "LOCATION",
    "Phone_Number": "PHONE_NUMBER", "Email": "EMAIL_ADDRESS", "ID_Number": "ID",
    "Disease_Other": "MEDICAL", "Animal_Disease": "MEDICAL",
}


def presidio_detector():
    import logging
    # Presidio's email recognizer asks tldextract for the public-suffix list online and falls back
    # to the snapshot it ships; nothing leaves this machine, so silence the failed-fetch tracebacks.
    logging.getLogger("tldextract").setLevel(logging.CRITICAL)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer, SpacyRecognizer

    conf = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "ja", "model_name": "ja_ginza"}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": GINZA_TO_PRESIDIO,
            "labels_to_ignore": [],
            "low_confidence_score_multiplier": 1.0,
            "low_score_entity_names": [],
        },
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    registry = RecognizerRegistry(supported_languages=["ja"])
    registry.add_recognizer(SpacyRecognizer(supported_language="ja",
                                            supported_entities=sorted(set(GINZA_TO_PRESIDIO.values()))))
    registry.add_recognizer(EmailRecognizer(supported_language="ja"))
    registry.add_recognizer(PhoneRecognizer(supported_language="ja", supported_regions=("JP",)))
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["ja"])

    def detect(text):
        return [(r.entity_type, r.start, r.end) for r in analyzer.analyze(text=text, language="ja")]
    return detect


def privacy_masker_detector():
    from privacy_masker import PrivacyEngine
    from privacy_masker.detectors.handles import HandleDetector  # noqa: F401 (not a PII type we score)
    from privacy_masker.detectors.regex import RegexDetector

    # The Japanese regex detectors it ships; its NER detectors need model weights from a hub, which
    # this workplace cannot fetch, so they are not used (noted in the README's figures).
    engine = PrivacyEngine([RegexDetector.default_ja()])

    def detect(text):
        return [(e.entity_type, e.start, e.end) for e in engine.detect(text)]
    return detect


def pleno_detector():
    from pleno_pii_scanner.regex_pass import compile_patterns, scan_text
    from pleno_recognizers import ALL_JA_RECOGNIZERS

    patterns = compile_patterns(ALL_JA_RECOGNIZERS)

    def detect(text):
        out = []
        for f in scan_text(text, "unit", patterns):
            # Findings carry line/col (1-based) and the matched text; find it back in the unit.
            lines = text.split("\n")
            offset = sum(len(l) + 1 for l in lines[: f.line - 1]) + max(0, f.col - 1)
            start = text.find(f.matched, max(0, offset - 1))
            if start < 0:
                start = text.find(f.matched)
            if start >= 0:
                out.append((f.entity, start, start + len(f.matched)))
        return out
    return detect


DETECTORS = {"presidio": presidio_detector, "privacy-masker": privacy_masker_detector, "pleno": pleno_detector}
TOOL_NAMES = {"presidio": "presidio+ginza", "privacy-masker": "privacy-masker (regex)", "pleno": "pleno-pii-scanner"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", choices=sorted(DETECTORS), required=True)
    ap.add_argument("--units", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    t0 = time.perf_counter()
    detect = DETECTORS[a.peer]()
    load_s = time.perf_counter() - t0
    mapping = MAPS[a.peer]

    files = collections.OrderedDict()
    dropped = collections.Counter()
    chars = 0
    units = 0
    detect_s = 0.0
    with open(a.units, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            path = r["path"]
            entry = files.setdefault(path, {"path": path, "findings": [], "read": "read", "format": None})
            if r["type"] == "file":
                entry["read"] = r["status"]
                entry["format"] = r["format"]
                continue
            text = r["text"]
            skip = r.get("overlap_prefix", 0)
            units += 1
            chars += len(text)
            t = time.perf_counter()
            found = detect(text)
            detect_s += time.perf_counter() - t
            for etype, start, end in found:
                category = mapping.get(etype)
                if category is None:
                    dropped[etype] += 1
                    continue
                if end <= skip:
                    continue  # repeated from the previous chunk, already reported
                loc = dict(r["location"])
                loc["start"], loc["end"] = start, end
                entry["findings"].append({"category": category, "text": text[start:end], "rule": f"{a.peer}:{etype}",
                                          "source": r["source"], "location": loc})
    out_files = []
    for e in files.values():
        if e["findings"]:
            status = "findings"
        elif e["read"] == "error":
            status = "error"
        elif e["read"] == "incomplete":
            status = "incomplete"
        else:
            status = "clean"
        out_files.append({"path": e["path"], "format": e["format"], "status": status, "findings": e["findings"]})
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"tool": {"name": TOOL_NAMES[a.peer]}, "files": out_files}, f, ensure_ascii=False)
    print(f"units={units}")
    print(f"characters={chars}")
    print(f"load_seconds={load_s:.2f}")
    print(f"detect_seconds={detect_s:.3f}")
    print(f"dropped={','.join(f'{k}:{v}' for k, v in dropped.most_common())}")


if __name__ == "__main__":
    sys.exit(main())
