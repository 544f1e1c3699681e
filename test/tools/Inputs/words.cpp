#include <cstdio>
#include <map>
#include <string>
#include <vector>

int *volatile Kept; // keeps the leak from being optimised away
int main() {
  std::vector<std::string> Words;
  for (int I = 0; I < 100; ++I)
    Words.push_back("a word long enough to live on the heap #" +
                    std::to_string(I));
  std::map<std::string, int> Counts;
  for (const std::string &W : Words)
    ++Counts[W.substr(0, 20)];
  Kept = new int[256];
  Kept[0] = static_cast<int>(Counts.size());
  std::printf("%d distinct\n", Kept[0]);
  return 0;
}
