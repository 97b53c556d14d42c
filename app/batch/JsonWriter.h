#pragma once
// A small streaming JSON writer for the batch report: numbers in shortest round-trip form,
// non-finite numbers as null. Plain C++17.

#include <armadillo>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

class JsonWriter {
public:
    /// Starts an object; `key` names it inside an enclosing object.
    JsonWriter& beginObject(std::string_view key = {});
    JsonWriter& endObject();
    /// Starts an array; `key` names it inside an enclosing object.
    JsonWriter& beginArray(std::string_view key = {});
    JsonWriter& endArray();

    JsonWriter& value(std::string_view key, double number);
    JsonWriter& value(std::string_view key, long long number);
    JsonWriter& value(std::string_view key, bool flag);
    JsonWriter& value(std::string_view key, std::string_view text);
    JsonWriter& value(std::string_view key, const std::string& text) {
        return value(key, std::string_view(text));
    }
    JsonWriter& value(std::string_view key, const char* text) {
        return value(key, std::string_view(text));
    }
    JsonWriter& null(std::string_view key);
    JsonWriter& value(std::string_view key, const arma::vec& numbers);
    JsonWriter& value(std::string_view key, const arma::rowvec& numbers);
    JsonWriter& value(std::string_view key, const std::vector<double>& numbers);
    JsonWriter& value(std::string_view key, const std::vector<std::string>& texts);
    JsonWriter& value(std::string_view key, const std::vector<bool>& flags);
    /// A matrix as an array of rows.
    JsonWriter& rows(std::string_view key, const arma::mat& matrix);

    /// The document so far (complete once every begin has its end).
    const std::string& text() const { return m_out; }

private:
    void prefix(std::string_view key);
    void number(double x);
    void string(std::string_view s);

    std::string m_out;
    std::vector<bool> m_first; // one per open container: no comma needed yet
    int m_depth = 0;
};

} // namespace linlab
