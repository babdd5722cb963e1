"""Claims in standard formats: CSV and JSON Lines rows, W3C Web Annotation for evidence,
schema.org Claim and ClaimReview as JSON-LD, and Parquet for the whole store.

Each format is written by its standard's own tooling where Python has one (`csv`, `json`,
pyarrow); the JSON-LD documents follow the published contexts (schema.org,
http://www.w3.org/ns/anno.jsonld). `formats` picks a format from `?format=` or `Accept`.
"""
