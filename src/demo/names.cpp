#include "demo/names.hpp"

namespace samen::demo {

const std::vector<std::string_view>& girl_names() {
  static const std::vector<std::string_view> names = {
      "Emma",   "Julia", "Mila",    "Tess", "Sophie", "Zoë",  "Sara",  "Nora",  "Yara",
      "Eva",    "Liv",   "Lotte",   "Noor", "Saar",   "Anna", "Evi",   "Lieke", "Fenna",
      "Roos",   "Isa",   "Fleur",   "Lina", "Maud",   "Nina", "Sanne", "Femke", "Amira",
      "Fatima", "Ilse",  "Jasmijn", "Elif", "Hanna",  "Vera", "Lize",  "Esmee"};
  return names;
}

const std::vector<std::string_view>& boy_names() {
  static const std::vector<std::string_view> names = {
      "Noah",   "Sem",      "Liam", "Lucas", "Daan",  "Finn",  "Levi",    "Luuk", "Mees",
      "James",  "Milan",    "Sam",  "Noud",  "Bram",  "Jesse", "Thijs",   "Max",  "Ruben",
      "Adam",   "Mohammed", "Gijs", "Jens",  "Stijn", "Teun",  "Olivier", "Hugo", "Cas",
      "Jayden", "Ayoub",    "Mats", "Tijn",  "Siem",  "Joep",  "Rayan",   "Timo"};
  return names;
}

const std::vector<std::string_view>& adult_names() {
  static const std::vector<std::string_view> names = {
      "Marieke", "Jeroen", "Ingrid",   "Mark", "Esther", "Bas",     "Petra",   "Wouter",
      "Naima",   "Hakan",  "Linda",    "Erik", "Karin",  "Sander",  "Monique", "Dennis",
      "Yvonne",  "Arjen",  "Samira",   "Rob",  "Anouk",  "Martijn", "Hatice",  "Frank",
      "Judith",  "Pieter", "Annemiek", "Kees", "Lotte",  "Gerrit"};
  return names;
}

const std::vector<FamilyName>& family_names() {
  static const std::vector<FamilyName> names = {
      {"de", "Jong"},       {"", "Jansen"},        {"de", "Vries"},       {"van den", "Berg"},
      {"van", "Dijk"},      {"", "Bakker"},        {"", "Janssen"},       {"", "Visser"},
      {"", "Smit"},         {"", "Meijer"},        {"de", "Boer"},        {"", "Mulder"},
      {"de", "Groot"},      {"", "Bos"},           {"", "Vos"},           {"", "Peters"},
      {"", "Hendriks"},     {"van", "Leeuwen"},    {"", "Dekker"},        {"", "Brouwer"},
      {"de", "Wit"},        {"", "Dijkstra"},      {"", "Smits"},         {"de", "Graaf"},
      {"van der", "Meer"},  {"van der", "Linden"}, {"", "Kok"},           {"", "Jacobs"},
      {"de", "Haan"},       {"", "Vermeulen"},     {"van den", "Heuvel"}, {"van der", "Veen"},
      {"van den", "Broek"}, {"de", "Bruijn"},      {"de", "Bruin"},       {"van der", "Heijden"},
      {"", "Schouten"},     {"van", "Beek"},       {"", "Willems"},       {"van", "Vliet"},
      {"van de", "Ven"},    {"", "Hoekstra"},      {"", "Maas"},          {"", "Verhoeven"},
      {"", "Koster"},       {"van", "Dam"},        {"", "Yilmaz"},        {"", "El Amrani"},
      {"", "Kaya"},         {"", "Öztürk"},        {"", "Bouzid"},        {"", "Nguyen"},
      {"", "Pinas"},        {"", "Wolters"}};
  return names;
}

}  // namespace samen::demo
