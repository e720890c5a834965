#pragma once
// The one way Samen writes CSV (no endpoint or command writes any yet; the next one must
// use this). A spreadsheet runs a cell that begins with =, +, - or @ as a formula (and
// Excel also after a leading TAB or CR): a pupil named "=HYPERLINK(...)" in an export would
// then act on the reader's machine. Such a cell gets a leading apostrophe, which
// spreadsheets show as text; then the cell is quoted as RFC 4180 requires.
#include <string>
#include <string_view>
#include <vector>

namespace samen::domain {

std::string csv_cell(std::string_view value, char delimiter = ';');
// The cells joined by `delimiter`, ending in CRLF (RFC 4180).
std::string csv_row(const std::vector<std::string>& cells, char delimiter = ';');

}  // namespace samen::domain
