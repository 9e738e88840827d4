#pragma once
// Waveforms of sources with sound, for audio clips (and the sound strip of
// video clips): each source's peak envelope is decoded once on a worker
// thread ("timeline-waves") and kept. The painter asks; a miss returns null
// and queues the decode; waveformReady() says when to repaint. A source with
// no sound (or that cannot be read) is remembered as silent.
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace entropic::app {

class BackgroundQueue;

struct Waveform {
    static constexpr int kPeaksPerSecond = 400;
    std::vector<float> peaks; // max |sample| of each 1/kPeaksPerSecond s, 0..1

    // The largest peak between two source times (seconds), 0 outside.
    float peakBetween(double fromSeconds, double toSeconds) const;
};

class WaveformCache : public QObject {
    Q_OBJECT
  public:
    explicit WaveformCache(QObject* parent = nullptr);
    ~WaveformCache() override;

    // The source's waveform, or null while it is decoded or if it has no sound.
    std::shared_ptr<const Waveform> waveform(const QString& path);
    bool isReady(const QString& path) const {
        return waves_.contains(path) || silent_.contains(path);
    }
    bool isSilent(const QString& path) const { return silent_.contains(path); }

  Q_SIGNALS:
    void waveformReady();

  private:
    // Worker thread only.
    // Gives up (null) when the queue stops.
    static std::shared_ptr<Waveform> decode(const QString& path, const BackgroundQueue& queue);

    QHash<QString, std::shared_ptr<const Waveform>> waves_; // UI thread only
    QSet<QString> silent_;
    QSet<QString> requested_;
    std::unique_ptr<BackgroundQueue> queue_; // last: destroyed (joined) first
};

} // namespace entropic::app
