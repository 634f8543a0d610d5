// The building blocks of the loader: the bounded YAML tree, typed scalar reading, suggestions.
#include "sim/io/yaml_reader.hpp"

#include <gtest/gtest.h>

#include "sim/io/suggestions.hpp"
#include "sim/io/yaml_tree.hpp"

namespace parley {
namespace {

std::vector<std::string> texts(const Diagnostics& found) {
  std::vector<std::string> all;
  for (const Diagnostic& d : found.all())
    all.push_back(d.str());
  return all;
}

YamlNode scalar(std::string text, bool plain = true) {
  YamlNode node;
  node.kind = YamlNode::Kind::scalar;
  node.text = std::move(text);
  node.plain = plain;
  node.where = {"f", 3, 4};
  return node;
}

TEST(YamlTree, KeepsOrderLocationsAndQuoting) {
  Diagnostics found;
  const auto root = parse_yaml("b: 1\na: 'x'\nlist: [1, {k: v}]\n", {"f.yaml", 1, 1}, found);
  ASSERT_TRUE(root && root->is_map());
  EXPECT_TRUE(found.empty());
  ASSERT_EQ(root->entries.size(), 3u);
  EXPECT_EQ(root->entries[0].key, "b");
  EXPECT_EQ(root->entries[1].key_where.line, 2);
  EXPECT_EQ(root->entries[1].value.where.column, 4);
  EXPECT_TRUE(root->entries[0].value.plain);
  EXPECT_FALSE(root->entries[1].value.plain);
  const YamlNode* list = root->find("list");
  ASSERT_TRUE(list && list->is_sequence());
  EXPECT_EQ(list->items[1].find("k")->text, "v");
  EXPECT_EQ(list->items[1].find("k")->where.column, 15);
}

TEST(YamlTree, ShiftsLocationsToTheOrigin) {
  Diagnostics found;
  const auto value = parse_yaml("[1, x]", {"--set", 2, 10}, found);
  ASSERT_TRUE(value);
  EXPECT_EQ(value->items[1].where.line, 2);
  EXPECT_EQ(value->items[1].where.column, 14);
}

TEST(YamlTree, RefusesDeepNestingWithoutRecursingIntoIt) {
  Diagnostics found;
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_FALSE(parse_yaml(deep, {"f", 1, 1}, found));
  EXPECT_EQ(texts(found), std::vector<std::string>{
                              "f:1:65: error: nesting deeper than 64 levels is not supported"});
}

TEST(YamlTree, AcceptsNestingUpToTheLimit) {
  Diagnostics found;
  const std::string ok = std::string(kMaxYamlDepth, '[') + std::string(kMaxYamlDepth, ']');
  EXPECT_TRUE(parse_yaml(ok, {"f", 1, 1}, found));
  EXPECT_TRUE(found.empty());
}

TEST(YamlTree, RefusesMoreValuesThanTheLimit) {
  Diagnostics found;
  std::string many = "[0";
  for (std::size_t i = 1; i < kMaxYamlNodes; ++i)
    many += ",0";
  EXPECT_FALSE(parse_yaml(many + "]", {"f", 1, 1}, found));  // the list itself is one more
  EXPECT_EQ(texts(found),
            std::vector<std::string>{"f:1:400000: error: too many values (more than 200000)"});
  Diagnostics fewer;
  EXPECT_TRUE(parse_yaml(many.substr(0, many.size() - 2) + "]", {"f", 1, 1}, fewer));
  EXPECT_TRUE(fewer.empty());
}

TEST(YamlTree, RejectsInvalidUtf8AndControlCharacters) {
  Diagnostics found;
  EXPECT_FALSE(check_utf8_text("ok\n\xC0\xAF", {"f", 1, 1}, found));  // overlong '/'
  EXPECT_FALSE(check_utf8_text("a\x7F\x01", {"g", 1, 1}, found));
  EXPECT_TRUE(
      check_utf8_text("Gr\xC3\xBC\xC3\x9F"
                      "e \xE2\x82\xAC \xF0\x9F\x98\x80\t\r\n",
                      {"h", 1, 1}, found));
  EXPECT_EQ(texts(found),
            (std::vector<std::string>{
                "f:2:1: error: the file is not UTF-8 text (invalid byte 0xC0)",
                "g:1:3: error: the file holds a control character (0x01), not text"}));
}

TEST(YamlTree, SyntaxErrorsOnTabIndentedLinesSaySo) {
  Diagnostics found;
  EXPECT_FALSE(parse_yaml("scenario: x\nactors:\n\tus: 1\n", {"f", 1, 1}, found));
  EXPECT_EQ(texts(found), std::vector<std::string>{
                              "f:3:4: error: YAML syntax error: illegal map value (this line is "
                              "indented with a tab; YAML indents with spaces)"});
}

TEST(YamlTree, RefusesASecondDocument) {
  Diagnostics found;
  EXPECT_TRUE(parse_yaml("a: 1\n---\nb: 2\n", {"f", 1, 1}, found));
  EXPECT_EQ(texts(found),
            std::vector<std::string>{
                "f:3:1: error: a scenario file holds one YAML document; found a second one"});
}

TEST(Reader, NumbersAreFinitePlainDecimals) {
  Diagnostics found;
  Reader read(found);
  EXPECT_EQ(read.number(scalar("1e3"), "k"), 1000.0);
  EXPECT_EQ(read.number(scalar("-.5"), "k"), -0.5);
  EXPECT_EQ(read.number(scalar("+2"), "k"), 2.0);
  EXPECT_EQ(read.number(scalar(".inf"), "k", /*allow_infinite=*/true), HUGE_VAL);
  EXPECT_EQ(read.number(scalar("-.Inf"), "k", /*allow_infinite=*/true), -HUGE_VAL);
  EXPECT_TRUE(found.empty());
  EXPECT_FALSE(read.number(scalar("5", /*plain=*/false), "k"));
  EXPECT_FALSE(read.number(scalar("0x10"), "k"));
  EXPECT_FALSE(read.number(scalar("1e"), "k"));
  EXPECT_FALSE(read.number(scalar(".inf"), "k"));
  EXPECT_FALSE(read.number(scalar("1e-999"), "k"));
  EXPECT_FALSE(read.number(scalar("2"), "k", Range::open(0, 1)));
  EXPECT_EQ(texts(found), (std::vector<std::string>{
                              "f:3:4: error: k: expected a number, got '5'",
                              "f:3:4: error: k: expected a number, got '0x10'",
                              "f:3:4: error: k: expected a number, got '1e'",
                              "f:3:4: error: k: expected a finite number, got '.inf'",
                              "f:3:4: error: k: number '1e-999' is out of the range of a double",
                              "f:3:4: error: k: must be in (0, 1), got 2"}));
}

TEST(Reader, IntegersCheckTheirRange) {
  Diagnostics found;
  Reader read(found);
  EXPECT_EQ(read.integer(scalar("-3"), "k", -5, 5), -3);
  EXPECT_EQ(read.unsigned64(scalar("18446744073709551615"), "s"), UINT64_MAX);
  EXPECT_FALSE(read.integer(scalar("1e3"), "k", 0, 5000));
  EXPECT_FALSE(read.integer(scalar("99999999999999999999"), "k", 0, 5));
  EXPECT_FALSE(read.unsigned64(scalar("-1"), "s"));
  EXPECT_EQ(texts(found),
            (std::vector<std::string>{
                "f:3:4: error: k: expected an integer, got '1e3'",
                "f:3:4: error: k: must be an integer in [0, 5], got 99999999999999999999",
                "f:3:4: error: s: must be an integer in [0, 18446744073709551615], got -1"}));
}

TEST(Reader, MonthsBooleansNamesAndChoices) {
  Diagnostics found;
  Reader read(found);
  EXPECT_EQ(read.month(scalar("2019-09"), "m"), YearMonth::of(2019, 9));
  EXPECT_EQ(read.boolean(scalar("true"), "b"), true);
  EXPECT_EQ(read.identifier(scalar("us_trump2"), "n"), "us_trump2");
  EXPECT_EQ(read.choice(scalar("nash"), "p", {"alternating", "nash"}), 1);
  EXPECT_TRUE(found.empty());
  EXPECT_FALSE(read.month(scalar("2019-9"), "m"));
  EXPECT_FALSE(read.boolean(scalar("yes"), "b"));
  EXPECT_FALSE(read.identifier(scalar("2us"), "n"));
  EXPECT_FALSE(read.choice(scalar("nsah"), "p", {"alternating", "nash"}));
  EXPECT_EQ(
      texts(found),
      (std::vector<std::string>{
          "f:3:4: error: m: expected a month YYYY-MM, got '2019-9'",
          "f:3:4: error: b: expected true or false, got 'yes'",
          "f:3:4: error: n: expected a name ([A-Za-z_][A-Za-z0-9_]*), got '2us'",
          "f:3:4: error: p: expected one of alternating, nash, got 'nsah'; did you mean 'nash'?"}));
}

TEST(Suggestions, EditDistanceAndClosestCandidate) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("same", "same"), 0);
  EXPECT_EQ(did_you_mean("patiance", {"power", "patience"}), "; did you mean 'patience'?");
  EXPECT_EQ(did_you_mean("xyz", {"opening", "reservation"}), "");
  EXPECT_EQ(did_you_mean("bta", {"beta"}), "; did you mean 'beta'?");
  EXPECT_EQ(name_list({}), "(none)");
  EXPECT_EQ(name_list({"a", "b"}), "a, b");
}

}  // namespace
}  // namespace parley
