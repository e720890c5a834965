#include "domain/csv_writer.hpp"

namespace samen::domain {

std::string csv_cell(std::string_view value, char delimiter) {
  std::string cell;
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
    cell += '\'';
  cell += value;
  if (cell.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_row(const std::vector<std::string>& cells, char delimiter) {
  std::string row;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row += delimiter;
    row += csv_cell(cells[i], delimiter);
  }
  return row + "\r\n";
}

}  // namespace samen::domain
