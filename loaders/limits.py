"""Every bound on input from outside, in one place.

The largest real download in ../shared/data/raw has 4,321 rows, 614 columns, 406,744
cells, a 14 MB sheet XML and a compression ratio of 10; each bound leaves about ten times
that room, so a real table passes and a hostile one is refused before it is parsed. The
upload worker's memory and time limits are what a breach costs at most.
"""

MAX_UPLOAD_MB = 20                      # also server.maxUploadSize (.streamlit/config.toml)
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 2_000
MAX_CELLS = 2_000_000                   # rows × columns of the used range
MAX_SERIES = 1_000                      # candidate series in one file
MAX_ARCHIVE_MEMBERS = 1_000             # parts of an XLSX archive
MAX_MEMBER_BYTES = 100 * 1024 * 1024    # one uncompressed part
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024   # all uncompressed parts
MAX_COMPRESSION_RATIO = 100             # uncompressed / compressed, for parts over 1 MB
RATIO_CHECKED_FROM = 1024 * 1024
MAX_MERGED_RANGES = 10_000
MAX_XML_PART_BYTES = 4 * 1024 * 1024    # workbook.xml and its relationships, parsed whole
WORKER_MEMORY_BYTES = 1024 * 1024 * 1024  # address space the upload worker may add
WORKER_SECONDS = 30
MAX_WORKERS = 2                         # upload workers at once, per server process
