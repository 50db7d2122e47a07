<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run names no dataset folder, so there are no frames to show.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>mnad::ui::FrameView</name>
    <message>
        <source>Frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>squared error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::InspectorPage</name>
    <message>
        <source>Open an evaluated run (a run folder with scores.csv and report.json) to inspect its test videos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (AUC %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video %1 is not in the run&apos;s dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1 / %2 · %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · speed ×%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · anomaly %1 · PSNR %2 dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · labelled abnormal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most attended item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1 (peak %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frames %1–%2 (%3 frames, peak %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ground truth: no AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC this video %1 · all frames %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · mean of videos %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maps %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing the maps…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No maps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (%2 frames, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Official score (per-video min-max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Causal score (running min-max)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity of the heatmaps over the frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute Maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the model over this video for its error and attention maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag the dashed line to set the threshold; click or drag to seek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames over the threshold; click to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Scores as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Score Plot as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Memory Usage as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Attention Bars as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Item Similarity as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Frame View as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Annotated MP4…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Annotated Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The video has %1 frames, its scores %2: frames and scores may not line up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::LossPlot</name>
    <message>
        <source>Exponential moving average of the curves, as TensorBoard&apos;s smoothing: the raw values stay drawn faintly behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all the data and follow new points again (or double-click the plot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compactness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separateness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total</source>
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
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open R&amp;un…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Run Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoints converted by tools/mnad-convert.py or written by MNAD Studio (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset to Evaluate the Checkpoint On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 and evaluating it on %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evaluation of %1 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not been evaluated yet: the Inspector needs its scores. Evaluate its latest checkpoint on its dataset&apos;s test videos now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is being evaluated. Cancel the evaluation and quit? Nothing of it is written; it can be evaluated again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Training</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::MemoryPanel</name>
    <message>
        <source>Share of the queries whose nearest memory item is each item, over the epoch. Items that are never used store nothing useful.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cosine similarity between the memory items at the end of the epoch. Bright off-diagonal cells are items that store the same pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The memory is shown after the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory after epoch %1 of %2: %3 items, %4 unused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::MemoryUsageView</name>
    <message>
        <source>Item / frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage share / uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a frame to show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This evaluation has no memory usage (memory_usage.csv): evaluate the run again to see which memory items each frame uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>query locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory item: mean attention at frame %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory item: share of locations at frame %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::PlaybackController</name>
    <message>
        <source>&amp;Play/Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play &amp;Backwards (Faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play &amp;Forwards (Faster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Loop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;revious Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 1 Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 1 Second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Anomalous Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Anomalous Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal Speed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::RunsPage</name>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the runs folder again (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one run to see its curves, several (Ctrl/Shift-click) to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve drawn for each run when several are selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue this stopped run from its last checkpoint on the Training page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at this run&apos;s scores, errors and memory attention video by video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (problem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs in %1 yet: train one on the Training page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a run to see its curves, or several to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Comparing %n runs.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3, %4; %5 of %6 epochs, %7 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×%1 px, width %2, %3 items, t_length %4, batch %5, lr %6, λc %7, λs %8, seed %9, %10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC %1 (micro, frame-level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::ScoreStrip</name>
    <message>
        <source>frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anomaly score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feature distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PSNR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::TrainingForm</name>
    <message>
        <source>Paper, GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU quick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction (4 frames → 5th)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconstruction (1 frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ compactness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λ separateness:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per clip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper, GPU: the published setting (256², width 64, 10 items, 60 epochs), for a CUDA GPU. CPU quick: 64², width 16, 5 epochs, to try the pipeline on a CPU in minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction: the model sees 4 frames and predicts the 5th (U-Net with skips). Reconstruction: it reconstructs the frame it sees (no skips).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over all training clips (paper: 60). The learning rate follows a cosine from its start value to 0 over the epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clips per optimizer step (paper: 4). Larger batches need more memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λs, weight of the feature separateness loss, which pushes the second nearest item away so that items stay distinct (official: 0.1 / 0.01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames are resized to this square side, a multiple of 8 (paper: 256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels of the first encoder stage; the stages have w, 2w, 4w, 8w and the memory items 8w dimensions (paper: 64, i.e. 512-d items). 16 trains much faster on a CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of memory items M that store the prototypical normal patterns (paper: 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames per training clip: inputs plus the target (prediction: 5, i.e. 4 → 1; reconstruction: 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the initial memory, the weights and the clip order: the same seed on the CPU gives the same losses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the model trains. Automatic uses the first CUDA GPU when there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (CPU: no CUDA GPU found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam&apos;s initial learning rate (paper: 0.0002), annealed to 0 by a cosine over the epochs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>λc, weight of the feature compactness loss, which pulls each query to its nearest memory item (official: 0.1 prediction, 0.01 reconstruction).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>float32 (as the paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bfloat16 mixed precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bfloat16 runs the convolutions in mixed precision (autocast): several times faster on GPUs with tensor cores, slower on most CPUs. The memory, the losses and the scores stay float32.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::TrainingPage</name>
    <message>
        <source>checkpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating: video %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — open one on the Dataset page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a dataset first (File → Open Dataset…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a run folder (no config.json).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after this step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the training and close? A checkpoint is written first, and the run can be resumed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1/%2 · step %3/%4 · %5 samples/s · elapsed %6 · ETA %7 · loss %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 after %2 steps in %3 (%4 samples/s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint kept: %1. Resume continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated %1 frames; no ground truth, so no AUC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUC %1 (micro, frame-level) · macro %2 · EER %3 · %4 frames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New runs go to &lt;folder&gt;/&lt;dataset&gt;/&lt;method&gt;/&lt;date-time&gt;_&lt;name&gt;/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appended to the run folder&apos;s name, to tell runs apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hyper-parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate when finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the test split with the final checkpoint and show the frame-level AUC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new run with these settings on the open dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is written and the run can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a stopped run from its last checkpoint (the last one here, or one you choose).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look at this run&apos;s scores, errors and memory attention video by video.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw another run&apos;s total loss in the plot, to compare it with this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mnad::ui::TrainingWorker</name>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluating %1 on its test split</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
