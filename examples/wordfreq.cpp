//===- wordfreq.cpp - TraceAlloc's quick-start demo: count words in files -===//
//
// An ordinary little program with the usual kinds of allocation: a line
// buffer grown with realloc, one heap record per distinct word (new), its
// spelling copied with strdup, std::string and std::unordered_map for the
// counting, a std::vector for the ranking, and a malloc'ed output buffer.
// It has one deliberate bug: the spellings are never freed, which the
// "in use at exit" half of the report points at.
//
//   tracealloc-clang++ -O2 examples/wordfreq.cpp -o wordfreq
//   ./wordfreq README.md docs/*.md       (or: ./wordfreq < file)
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

struct Word {
  char *Spelling;     // strdup'ed, never freed: the bug the report finds
  unsigned Count;     // occurrences over all inputs
  unsigned FirstLine; // line of the first occurrence in its file
};

// Reads one line of any length into *Buf, growing it with realloc.
// Returns false at end of input.
bool readLine(FILE *In, char **Buf, size_t *Cap) {
  size_t Len = 0;
  int C;
  while ((C = std::fgetc(In)) != EOF && C != '\n') {
    if (Len + 1 >= *Cap) {
      size_t NewCap = *Cap ? *Cap * 2 : 16;
      char *Grown = static_cast<char *>(std::realloc(*Buf, NewCap));
      if (!Grown)
        return false;
      *Buf = Grown;
      *Cap = NewCap;
    }
    (*Buf)[Len++] = static_cast<char>(C);
  }
  if (C == EOF && Len == 0)
    return false;
  if (*Buf)
    (*Buf)[Len] = '\0';
  return true;
}

class Counter {
public:
  ~Counter() {
    for (auto &Entry : Index)
      delete Entry.second; // frees the record, forgets its Spelling
  }

  void countFile(FILE *In) {
    char *Line = nullptr;
    size_t Cap = 0;
    unsigned LineNo = 0;
    while (readLine(In, &Line, &Cap)) {
      ++LineNo;
      if (Line)
        countLine(Line, LineNo);
    }
    std::free(Line);
  }

  // Words by decreasing count, then alphabetically.
  std::vector<const Word *> ranking() const {
    std::vector<const Word *> Ranked;
    Ranked.reserve(Index.size());
    for (const auto &Entry : Index)
      Ranked.push_back(Entry.second);
    std::sort(Ranked.begin(), Ranked.end(), [](const Word *A, const Word *B) {
      if (A->Count != B->Count)
        return A->Count > B->Count;
      return std::strcmp(A->Spelling, B->Spelling) < 0;
    });
    return Ranked;
  }

  size_t distinct() const { return Index.size(); }
  unsigned long total() const { return Total; }

private:
  void countLine(const char *Line, unsigned LineNo) {
    std::string Current;
    for (const char *P = Line;; ++P) {
      unsigned char C = static_cast<unsigned char>(*P);
      if (std::isalpha(C) || (C == '\'' && !Current.empty())) {
        Current += static_cast<char>(std::tolower(C));
        continue;
      }
      if (Current.size() > 2)
        add(Current, LineNo);
      Current.clear();
      if (!C)
        break;
    }
  }

  void add(const std::string &Spelling, unsigned LineNo) {
    ++Total;
    Word *&Slot = Index[Spelling];
    if (!Slot) {
      Slot = new Word{nullptr, 0, LineNo};
      Slot->Spelling = strdup(Spelling.c_str());
    }
    ++Slot->Count;
  }

  std::unordered_map<std::string, Word *> Index;
  unsigned long Total = 0;
};

// Formats the top words as one text block in a malloc'ed buffer.
char *formatTop(const std::vector<const Word *> &Ranked, size_t Top) {
  size_t Cap = 64 + Top * 64;
  char *Out = static_cast<char *>(std::malloc(Cap));
  if (!Out)
    return nullptr;
  size_t Len = 0;
  for (size_t I = 0; I < Ranked.size() && I < Top; ++I)
    Len += std::snprintf(Out + Len, Cap - Len, "%6u  %s\n", Ranked[I]->Count,
                         Ranked[I]->Spelling);
  return Out;
}

} // namespace

int main(int Argc, char **Argv) {
  Counter Words;
  if (Argc < 2) {
    Words.countFile(stdin);
  } else {
    for (int I = 1; I < Argc; ++I) {
      FILE *In = std::fopen(Argv[I], "r");
      if (!In) {
        std::perror(Argv[I]);
        return 1;
      }
      Words.countFile(In);
      std::fclose(In);
    }
  }

  std::vector<const Word *> Ranked = Words.ranking();
  char *Table = formatTop(Ranked, 10);
  std::printf("%lu words, %zu distinct; the most frequent:\n%s", Words.total(),
              Words.distinct(), Table ? Table : "");
  std::free(Table);
  return 0;
}
