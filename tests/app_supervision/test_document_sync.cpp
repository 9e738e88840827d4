// ProjectSync on the editor's real ProjectDocument: a project opened from a
// file with media beside it (relative paths, resolved through base_dir), and
// an edit reaching the engine.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "editor_rig.h"
#include "model/project_document.h"
#include "test_support.h"

using namespace entropic;
namespace fs = std::filesystem;

TEST_CASE("a document's project, with media relative to its file, reaches the engine after every "
          "change") {
    const fs::path dir = test::scratchDir("supervision-document");
    fs::create_directories(dir / "media");
    fs::copy_file(test::testMedia("bframes.mp4"), dir / "media" / "clip.mp4");
    nlohmann::json file = test::clipProjectJson("media/clip.mp4", 120, nlohmann::json::array());
    std::ofstream(dir / "edit.entropic") << file.dump(2);

    // The reference: the same project with an absolute path.
    test::EditorRig reference;
    reference.start();
    REQUIRE(reference.waitReady());
    const QString expected = reference.fetch(50);
    REQUIRE_FALSE(expected.isEmpty());

    test::EditorRig rig;
    app::ProjectDocument document;
    rig.sync.setDocument(&document);
    QString error;
    REQUIRE(document.load(QString::fromStdString((dir / "edit.entropic").string()), &error));
    rig.start();
    REQUIRE(rig.waitReady());
    CHECK(rig.sync.lastLoad()["frames"] == 120);
    CHECK(rig.sync.lastLoad()["missing_media"].empty());
    CHECK(rig.fetch(50) == expected);

    // An edit (as a command would make it) is sent, and the viewer refreshes.
    const int loadsBefore = rig.sync.loadsSent();
    document.mutableProject().tracks[0].clips[0].out = 60;
    document.notifyChanged();
    REQUIRE(
        test::spinUntil([&] { return rig.sync.inSync() && rig.sync.loadsSent() > loadsBefore; }));
    CHECK(rig.sync.lastLoad()["frames"] == 60);
    CHECK(rig.failures.empty());
}
