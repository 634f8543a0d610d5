// `parley merge OUT SHARD_DIR...`: combines the folders of `parley sweep --shard K/N` runs
// into exactly the files one unsharded sweep writes; refuses shards that do not fit together.
#include <iostream>
#include <memory>

#include "analysis/studies/sweep/sweep_merge.hpp"
#include "sim/cli/commands.hpp"

namespace parley::cli {

void add_merge_command(CLI::App& app, int& exit_code) {
  struct Arguments {
    std::string out;
    std::vector<std::string> shards;
  };
  auto args = std::make_shared<Arguments>();
  CLI::App* command =
      app.add_subcommand("merge", "Combine the shard folders of a sharded sweep into OUT");
  command->add_option("OUT", args->out, "output folder of the combined sweep")->required();
  command->add_option("SHARD_DIR", args->shards, "folders written by parley sweep --shard K/N")
      ->required();
  command->callback([args, &exit_code] {
    const std::vector<std::filesystem::path> dirs(args->shards.begin(), args->shards.end());
    const sweep::MergeReport report = sweep::merge_sweep_shards(args->out, dirs);
    std::cout << "merged " << report.points << " points from " << report.shards
              << " shard folders into " << args->out << "/\n";
    exit_code = 0;
  });
}

}  // namespace parley::cli
