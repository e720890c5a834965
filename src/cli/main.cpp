// samen: one binary for the server and its tools. See `samen --help`.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "security/crypto.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Samen: schools and youth care working together around a pupil", "samen"};
  app.set_version_flag("--version", std::string("samen ") + SAMEN_VERSION);
  app.require_subcommand(1);
  samen::cli::add_init_command(app);
  samen::cli::add_serve_command(app);
  samen::cli::add_migrate_command(app);
  samen::cli::add_demo_command(app);
  samen::cli::add_user_command(app);
  samen::cli::add_import_command(app);
  samen::cli::add_audit_command(app);
  samen::cli::add_routes_command(app);
  samen::cli::add_backup_command(app);
  samen::cli::add_copy_command(app);
  samen::cli::add_access_command(app);
  samen::cli::add_keys_command(app);
  try {
    samen::security::init_crypto();
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const samen::cli::CommandError& e) {
    std::cerr << "samen: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "samen: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
