<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>mnad::ui::AboutDialog</name>
    <message>
        <source>not built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LibTorch %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QCustomPlot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCV %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FFmpeg %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About MNAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;MNAD Studio %1&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video anomaly inspection with memory-guided normality (MNAD, Park et al., CVPR 2020).&lt;br&gt;Licensed under the GNU General Public License, version 3 or later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::DatasetBrowser</name>
    <message>
        <source>No dataset open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset root (File → Open Dataset…, or drop a folder on the window): frame folders in the MNAD layout (&lt;root&gt;/&lt;name&gt;/training/frames/&lt;video&gt;/), the UCSD layout, or video files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 layout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels found: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels do not fit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>testing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::MainWindow</name>
    <message>
        <source>MNAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a test video with its frame-wise anomaly score, error heatmap, memory attention and memory usage. Open a run that has been evaluated to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MNAD Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Dataset Root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when MNAD Studio is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a prediction or reconstruction model on the open dataset and follow its losses and memory live.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
