#pragma once
// Hand-built documents for the app tests.
#include <string>

#include <QString>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "model/project_document.h"

namespace entropic::app::test {

// Two video tracks and an audio track:
//   V1: a [0,30) in 0   b [40,70) in 10 (with fx.noise "fx-1")   c [100,130)
//   V2: d [10,20)
//   A1: m [0,100)
nlohmann::json fixtureJson();

// Loads doc from json through a file in dir (so history starts clean).
void loadJson(ProjectDocument& doc, const nlohmann::json& json, const QTemporaryDir& dir,
              const QString& name = QStringLiteral("fixture.entropic"));

// The document in its saved form, as one string: what byte-exact means here.
std::string saved(const ProjectDocument& doc);

const engine::Clip* clip(const ProjectDocument& doc, const std::string& id);
const engine::Track* track(const ProjectDocument& doc, const std::string& id);
// Clip ids of a track, in the track's order.
std::string clipIds(const ProjectDocument& doc, const std::string& trackId);

// The fixture document, loaded, with its saved form to compare against.
struct LoadedFixture {
    QTemporaryDir dir;
    ProjectDocument doc;
    std::string original;
    LoadedFixture() {
        loadJson(doc, fixtureJson(), dir);
        original = saved(doc);
    }
};

} // namespace entropic::app::test

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString& s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch
