#pragma once
// Serves the built web UI from a directory: correct MIME types, no way out of the
// directory (.., symlinks, encoded slashes), index.html for "/" and for client-side
// routes (paths without a file extension), so the single-page app can deep-link.
#include <optional>
#include <string>

#include "http/message.hpp"

namespace samen::http {

std::string mime_type_for(const std::string& path);
std::optional<Response> serve_static(const std::string& root, const std::string& request_path);

}  // namespace samen::http
