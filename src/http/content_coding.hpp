#pragma once
// Content negotiation for the web UI's precompressed files (web/scripts/compress.mjs makes
// a .br and a .gz beside each text file at build time): which of them a client's
// Accept-Encoding takes. Only static files are compressed; API answers are not (BREACH:
// docs/decisions.md, "Compression").
#include <string_view>
#include <vector>

namespace samen::http {

enum class ContentCoding { br, gzip };

// The precompressed codings the client accepts, best first: by q-value, brotli before gzip
// at equal q; q=0 refuses a coding, and `*` stands for the codings it does not name.
std::vector<ContentCoding> accepted_codings(std::string_view accept_encoding);

// "br" or "gzip": the Content-Encoding value, and (as ".br", ".gz") the file's suffix.
std::string_view coding_name(ContentCoding coding);
std::string_view coding_suffix(ContentCoding coding);

}  // namespace samen::http
