#pragma once
// Serves the built web UI from a directory: correct MIME types, no way out of the
// directory (.., symlinks, encoded slashes), index.html for "/" and for client-side
// routes (paths without a file extension), so the single-page app can deep-link. A text
// file is sent as its precompressed .br or .gz twin when the client's Accept-Encoding takes
// it (http/content_coding.hpp), with Vary: Accept-Encoding either way.
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace samen::http {

std::string mime_type_for(const std::string& path);
std::optional<Response> serve_static(const std::string& root, const std::string& request_path,
                                     std::string_view accept_encoding = {});

}  // namespace samen::http
