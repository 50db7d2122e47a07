<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>QObject</name>
    <message>
      <source>Cannot write %1: %2</source>
      <translation>无法写入 %1：%2</translation>
    </message>
    <message>
      <source>The run names no dataset folder, so there are no frames to show.</source>
      <translation>该运行未指定数据集文件夹，因此没有可显示的帧。</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::AboutDialog</name>
    <message>
      <source>not built in</source>
      <translation>未编译</translation>
    </message>
    <message>
      <source>LibTorch %1 (%2)</source>
      <translation>LibTorch %1（%2）</translation>
    </message>
    <message>
      <source>CUDA</source>
      <translation>CUDA</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>Qt %1</source>
      <translation>Qt %1</translation>
    </message>
    <message>
      <source>QCustomPlot %1</source>
      <translation>QCustomPlot %1</translation>
    </message>
    <message>
      <source>OpenCV %1</source>
      <translation>OpenCV %1</translation>
    </message>
    <message>
      <source>FFmpeg %1</source>
      <translation>FFmpeg %1</translation>
    </message>
    <message>
      <source>Device: %1</source>
      <translation>设备：%1</translation>
    </message>
    <message>
      <source>GPU: %1</source>
      <translation>GPU：%1</translation>
    </message>
    <message>
      <source>About MNAD Studio</source>
      <translation>关于 MNAD Studio</translation>
    </message>
    <message>
      <source>&lt;h2&gt;MNAD Studio %1&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;MNAD Studio %1&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>Video anomaly inspection with memory-guided normality (MNAD, Park et al., CVPR 2020).&lt;br&gt;Licensed under the GNU General Public License, version 3 or later.</source>
      <translation>基于记忆引导正常性学习（MNAD，Park 等，CVPR 2020）的视频异常检查工具。&lt;br&gt;以 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::DatasetBrowser</name>
    <message>
      <source>No dataset open</source>
      <translation>未打开数据集</translation>
    </message>
    <message>
      <source>Open a dataset root (File → Open Dataset…, or drop a folder on the window): frame folders in the MNAD layout (&lt;root&gt;/&lt;name&gt;/training/frames/&lt;video&gt;/), the UCSD layout, or video files.</source>
      <translation>打开数据集根目录（文件 → 打开数据集…，或将文件夹拖到窗口上）：MNAD 布局的帧文件夹（&lt;root&gt;/&lt;name&gt;/training/frames/&lt;video&gt;/）、UCSD 布局或视频文件。</translation>
    </message>
    <message>
      <source>Video</source>
      <translation>视频</translation>
    </message>
    <message>
      <source>Frames</source>
      <translation>帧数</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <source>FPS</source>
      <translation>帧率</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
    <message>
      <source>Cannot open the dataset</source>
      <translation>无法打开数据集</translation>
    </message>
    <message>
      <source>%1 (%2 layout)</source>
      <translation>%1（%2 布局）</translation>
    </message>
    <message>
      <source>Labels found: %1 (%2)</source>
      <translation>已找到标签：%1（%2）</translation>
    </message>
    <message>
      <source>Labels missing: %1</source>
      <translation>缺少标签：%1</translation>
    </message>
    <message>
      <source>Labels do not fit: %1</source>
      <translation>标签不匹配：%1</translation>
    </message>
    <message>
      <source>training</source>
      <translation>训练集</translation>
    </message>
    <message>
      <source>testing</source>
      <translation>测试集</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::FrameView</name>
    <message>
      <source>Frame %1</source>
      <translation>第 %1 帧</translation>
    </message>
    <message>
      <source>Predicted</source>
      <translation>预测帧</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>误差</translation>
    </message>
    <message>
      <source>No frame</source>
      <translation>无帧</translation>
    </message>
    <message>
      <source>squared error</source>
      <translation>平方误差</translation>
    </message>
    <message>
      <source>item %1</source>
      <translation>记忆项 %1</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::InspectorPage</name>
    <message>
      <source>Open an evaluated run (a run folder with scores.csv and report.json) to inspect its test videos.</source>
      <translation>打开一个已评估的运行（包含 scores.csv 和 report.json 的运行文件夹）以检查其测试视频。</translation>
    </message>
    <message>
      <source>Scores</source>
      <translation>分数</translation>
    </message>
    <message>
      <source>Memory</source>
      <translation>记忆</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
    <message>
      <source>Open Run</source>
      <translation>打开运行</translation>
    </message>
    <message>
      <source>Cannot open the run</source>
      <translation>无法打开运行</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; · %2 videos</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; · %2 个视频</translation>
    </message>
    <message>
      <source>%1 (AUC %2)</source>
      <translation>%1（AUC %2）</translation>
    </message>
    <message>
      <source>Video %1 is not in the run's dataset.</source>
      <translation>视频 %1 不在该运行的数据集中。</translation>
    </message>
    <message>
      <source>frame %1 / %2 · %3 s</source>
      <translation>帧 %1 / %2 · %3 秒</translation>
    </message>
    <message>
      <source> · speed ×%1</source>
      <translation> · 速度 ×%1</translation>
    </message>
    <message>
      <source> · anomaly %1 · PSNR %2 dB</source>
      <translation> · 异常分数 %1 · PSNR %2 dB</translation>
    </message>
    <message>
      <source> · labelled abnormal</source>
      <translation> · 标注为异常</translation>
    </message>
    <message>
      <source>Most attended item</source>
      <translation>注意力最高的记忆项</translation>
    </message>
    <message>
      <source>Weight of item %1</source>
      <translation>记忆项 %1 的权重</translation>
    </message>
    <message>
      <source>frame %1 (peak %2)</source>
      <translation>第 %1 帧（峰值 %2）</translation>
    </message>
    <message>
      <source>frames %1–%2 (%3 frames, peak %4)</source>
      <translation>第 %1–%2 帧（共 %3 帧，峰值 %4）</translation>
    </message>
    <message>
      <source>no ground truth: no AUC</source>
      <translation>无真值标注：无法计算 AUC</translation>
    </message>
    <message>
      <source>AUC this video %1 · all frames %2</source>
      <translation>本视频 AUC %1 · 全部帧 %2</translation>
    </message>
    <message>
      <source> · mean of videos %1</source>
      <translation> · 各视频平均 %1</translation>
    </message>
    <message>
      <source>maps %p%</source>
      <translation>热力图 %p%</translation>
    </message>
    <message>
      <source>Computing the maps…</source>
      <translation>正在计算热力图…</translation>
    </message>
    <message>
      <source>No maps: %1</source>
      <translation>无热力图：%1</translation>
    </message>
    <message>
      <source>Maps cancelled</source>
      <translation>已取消计算热力图</translation>
    </message>
    <message>
      <source>MP4 %p%</source>
      <translation>MP4 %p%</translation>
    </message>
    <message>
      <source>Export failed: %1</source>
      <translation>导出失败：%1</translation>
    </message>
    <message>
      <source>Export cancelled</source>
      <translation>导出已取消</translation>
    </message>
    <message>
      <source>Wrote %1 (%2 frames, %3)</source>
      <translation>已写入 %1（%2 帧，%3）</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Open Run…</source>
      <translation>打开运行…</translation>
    </message>
    <message>
      <source>No run open</source>
      <translation>未打开运行</translation>
    </message>
    <message>
      <source>Official score (per-video min-max)</source>
      <translation>官方分数（逐视频最小-最大归一化）</translation>
    </message>
    <message>
      <source>Causal score (running min-max)</source>
      <translation>因果分数（累积最小-最大归一化）</translation>
    </message>
    <message>
      <source>Overlay</source>
      <translation>叠加</translation>
    </message>
    <message>
      <source>Side by side</source>
      <translation>并排</translation>
    </message>
    <message>
      <source>Prediction</source>
      <translation>预测</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>误差</translation>
    </message>
    <message>
      <source>Attention</source>
      <translation>注意力</translation>
    </message>
    <message>
      <source>Opacity of the heatmaps over the frame</source>
      <translation>热力图叠加在帧上的不透明度</translation>
    </message>
    <message>
      <source>Compute Maps</source>
      <translation>计算热力图</translation>
    </message>
    <message>
      <source>Run the model over this video for its error and attention maps</source>
      <translation>在此视频上运行模型，生成误差热力图和注意力热力图</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Opacity</source>
      <translation>不透明度</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>PSNR</source>
      <translation>PSNR</translation>
    </message>
    <message>
      <source>Feature distance</source>
      <translation>特征距离</translation>
    </message>
    <message>
      <source>Drag the dashed line to set the threshold; click or drag to seek.</source>
      <translation>拖动虚线以设置阈值；单击或拖动以跳转。</translation>
    </message>
    <message>
      <source>Frames over the threshold; click to show</source>
      <translation>超过阈值的帧；单击以显示</translation>
    </message>
    <message>
      <source>Export Scores as CSV…</source>
      <translation>将分数导出为 CSV…</translation>
    </message>
    <message>
      <source>Export Scores</source>
      <translation>导出分数</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Export Score Plot as PNG…</source>
      <translation>将分数图导出为 PNG…</translation>
    </message>
    <message>
      <source>Export Memory Usage as PNG…</source>
      <translation>将记忆使用情况导出为 PNG…</translation>
    </message>
    <message>
      <source>Export Attention Bars as PNG…</source>
      <translation>将注意力柱状图导出为 PNG…</translation>
    </message>
    <message>
      <source>Export Item Similarity as PNG…</source>
      <translation>将记忆项相似度导出为 PNG…</translation>
    </message>
    <message>
      <source>Export Plot</source>
      <translation>导出图表</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
      <source>Could not write %1</source>
      <translation>无法写入 %1</translation>
    </message>
    <message>
      <source>Export Frame View as PNG…</source>
      <translation>将帧视图导出为 PNG…</translation>
    </message>
    <message>
      <source>Export Frame</source>
      <translation>导出帧</translation>
    </message>
    <message>
      <source>Export Annotated MP4…</source>
      <translation>导出带标注的 MP4…</translation>
    </message>
    <message>
      <source>Export Annotated Video</source>
      <translation>导出带标注的视频</translation>
    </message>
    <message>
      <source>MP4 videos (*.mp4)</source>
      <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
      <source>The video has %1 frames, its scores %2: frames and scores may not line up.</source>
      <translation>视频有 %1 帧，而分数有 %2 个：帧与分数可能无法对齐。</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::LossPlot</name>
    <message>
      <source>Exponential moving average of the curves, as TensorBoard's smoothing: the raw values stay drawn faintly behind.</source>
      <translation>对曲线取指数移动平均，与 TensorBoard 的平滑方式相同：原始值仍以淡色绘制在后面。</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <source>Show all the data and follow new points again (or double-click the plot).</source>
      <translation>显示全部数据，并重新跟随新数据点（也可双击图表）。</translation>
    </message>
    <message>
      <source>Smoothing:</source>
      <translation>平滑：</translation>
    </message>
    <message>
      <source>step</source>
      <translation>步数</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <source>learning rate</source>
      <translation>学习率</translation>
    </message>
    <message>
      <source>pixel</source>
      <translation>像素损失</translation>
    </message>
    <message>
      <source>compactness</source>
      <translation>紧凑性损失</translation>
    </message>
    <message>
      <source>separateness</source>
      <translation>分离性损失</translation>
    </message>
    <message>
      <source>total</source>
      <translation>总损失</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::MainWindow</name>
    <message>
      <source>MNAD Studio</source>
      <translation>MNAD Studio</translation>
    </message>
    <message>
      <source>Device: %1</source>
      <translation>设备：%1</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <source>Dataset</source>
      <translation>数据集</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>检查器</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open Dataset…</source>
      <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;About MNAD Studio</source>
      <translation>关于 MNAD Studio(&amp;A)</translation>
    </message>
    <message>
      <source>About &amp;Qt</source>
      <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
      <source>Open Dataset Root</source>
      <translation>打开数据集根目录</translation>
    </message>
    <message>
      <source>The language changes when MNAD Studio is restarted.</source>
      <translation>重新启动 MNAD Studio 后语言才会更改。</translation>
    </message>
    <message>
      <source>Runs</source>
      <translation>训练运行</translation>
    </message>
    <message>
      <source>Training…</source>
      <translation>正在训练…</translation>
    </message>
    <message>
      <source>Open R&amp;un…</source>
      <translation>打开运行(&amp;U)…</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>导出(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Playback</source>
      <translation>播放(&amp;P)</translation>
    </message>
    <message>
      <source>Open Run Folder</source>
      <translation>打开运行文件夹</translation>
    </message>
    <message>
      <source>&amp;Import Checkpoint…</source>
      <translation>导入检查点(&amp;I)…</translation>
    </message>
    <message>
      <source>Main</source>
      <translation>主工具栏</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>主题(&amp;T)</translation>
    </message>
    <message>
      <source>Follow the System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>Import Checkpoint</source>
      <translation>导入检查点</translation>
    </message>
    <message>
      <source>Checkpoints converted by tools/mnad-convert.py or written by MNAD Studio (*.pt *.pth);;All files (*)</source>
      <translation>由 tools/mnad-convert.py 转换或由 MNAD Studio 写出的检查点 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Dataset to Evaluate the Checkpoint On</source>
      <translation>用于评估该检查点的数据集</translation>
    </message>
    <message>
      <source>Importing %1 and evaluating it on %2…</source>
      <translation>正在导入 %1 并在 %2 上评估…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Evaluation failed</source>
      <translation>评估失败</translation>
    </message>
    <message>
      <source>The evaluation of %1 was cancelled.</source>
      <translation>%1 的评估已取消。</translation>
    </message>
    <message>
      <source>Evaluate the run?</source>
      <translation>评估该运行？</translation>
    </message>
    <message>
      <source>%1 has not been evaluated yet: the Inspector needs its scores. Evaluate its latest checkpoint on its dataset's test videos now?</source>
      <translation>%1 尚未评估：检查器需要它的分数。现在用其最新检查点在数据集的测试视频上评估吗？</translation>
    </message>
    <message>
      <source>Evaluating %1…</source>
      <translation>正在评估 %1…</translation>
    </message>
    <message>
      <source>Evaluation in progress</source>
      <translation>正在评估</translation>
    </message>
    <message>
      <source>A run is being evaluated. Cancel the evaluation and quit? Nothing of it is written; it can be evaluated again later.</source>
      <translation>正在评估一个运行。取消评估并退出吗？评估结果不会写入，之后可以重新评估。</translation>
    </message>
    <message>
      <source>&amp;Training</source>
      <translation>训练(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Start Training</source>
      <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
      <source>S&amp;top Training</source>
      <translation>停止训练(&amp;T)</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::MemoryPanel</name>
    <message>
      <source>Share of the queries whose nearest memory item is each item, over the epoch. Items that are never used store nothing useful.</source>
      <translation>在整个轮次中，以各记忆项为最近记忆项的查询所占的比例。从未被使用的记忆项不存储任何有用信息。</translation>
    </message>
    <message>
      <source>Cosine similarity between the memory items at the end of the epoch. Bright off-diagonal cells are items that store the same pattern.</source>
      <translation>轮次结束时各记忆项之间的余弦相似度。对角线以外的亮格表示存储了相同模式的记忆项。</translation>
    </message>
    <message>
      <source>memory item</source>
      <translation>记忆项</translation>
    </message>
    <message>
      <source>share of queries</source>
      <translation>查询占比</translation>
    </message>
    <message>
      <source>cosine similarity</source>
      <translation>余弦相似度</translation>
    </message>
    <message>
      <source>item</source>
      <translation>记忆项</translation>
    </message>
    <message>
      <source>The memory is shown after the first epoch.</source>
      <translation>第一个轮次结束后显示记忆。</translation>
    </message>
    <message>
      <source>Memory after epoch %1 of %2: %3 items, %4 unused</source>
      <translation>第 %1 轮次（共 %2 轮次）后的记忆：%3 个记忆项，其中 %4 个未使用</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::MemoryUsageView</name>
    <message>
      <source>Item / frame</source>
      <translation>记忆项 / 帧</translation>
    </message>
    <message>
      <source>Usage share / uses</source>
      <translation>使用占比 / 使用次数</translation>
    </message>
    <message>
      <source>Click a frame to show it</source>
      <translation>单击某一帧以显示该帧</translation>
    </message>
    <message>
      <source>This evaluation has no memory usage (memory_usage.csv): evaluate the run again to see which memory items each frame uses.</source>
      <translation>此评估没有记忆使用数据（memory_usage.csv）：请重新评估该运行，以查看每帧使用了哪些记忆项。</translation>
    </message>
    <message>
      <source>query locations</source>
      <translation>查询位置数</translation>
    </message>
    <message>
      <source>frame</source>
      <translation>帧</translation>
    </message>
    <message>
      <source>memory item</source>
      <translation>记忆项</translation>
    </message>
    <message>
      <source>cosine similarity</source>
      <translation>余弦相似度</translation>
    </message>
    <message>
      <source>item</source>
      <translation>记忆项</translation>
    </message>
    <message>
      <source>item %1</source>
      <translation>记忆项 %1</translation>
    </message>
    <message>
      <source>frame %1</source>
      <translation>第 %1 帧</translation>
    </message>
    <message>
      <source>mean weight</source>
      <translation>平均权重</translation>
    </message>
    <message>
      <source>share</source>
      <translation>占比</translation>
    </message>
    <message>
      <source>memory item: mean attention at frame %1</source>
      <translation>记忆项：第 %1 帧的平均注意力</translation>
    </message>
    <message>
      <source>memory item: share of locations at frame %1</source>
      <translation>记忆项：第 %1 帧的位置占比</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::PlaybackController</name>
    <message>
      <source>&amp;Play/Pause</source>
      <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
      <source>Play &amp;Backwards (Faster)</source>
      <translation>反向播放（加速）(&amp;B)</translation>
    </message>
    <message>
      <source>Pa&amp;use</source>
      <translation>暂停(&amp;U)</translation>
    </message>
    <message>
      <source>Play &amp;Forwards (Faster)</source>
      <translation>正向播放（加速）(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Loop</source>
      <translation>循环播放(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Next Frame</source>
      <translation>下一帧(&amp;N)</translation>
    </message>
    <message>
      <source>P&amp;revious Frame</source>
      <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
      <source>Forward 1 Second</source>
      <translation>前进 1 秒</translation>
    </message>
    <message>
      <source>Back 1 Second</source>
      <translation>后退 1 秒</translation>
    </message>
    <message>
      <source>First Frame</source>
      <translation>第一帧</translation>
    </message>
    <message>
      <source>Last Frame</source>
      <translation>最后一帧</translation>
    </message>
    <message>
      <source>Next Anomalous Segment</source>
      <translation>下一个异常片段</translation>
    </message>
    <message>
      <source>Previous Anomalous Segment</source>
      <translation>上一个异常片段</translation>
    </message>
    <message>
      <source>Slower</source>
      <translation>减速</translation>
    </message>
    <message>
      <source>Faster</source>
      <translation>加速</translation>
    </message>
    <message>
      <source>Normal Speed</source>
      <translation>正常速度</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::RunsPage</name>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Read the runs folder again (F5).</source>
      <translation>重新读取运行文件夹（F5）。</translation>
    </message>
    <message>
      <source>Runs folder:</source>
      <translation>运行文件夹：</translation>
    </message>
    <message>
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <source>Dataset</source>
      <translation>数据集</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>方法</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>AUC</source>
      <translation>AUC</translation>
    </message>
    <message>
      <source>Select one run to see its curves, several (Ctrl/Shift-click) to compare them.</source>
      <translation>选择一个运行以查看其曲线，选择多个（Ctrl/Shift + 单击）以进行比较。</translation>
    </message>
    <message>
      <source>The curve drawn for each run when several are selected.</source>
      <translation>选中多个运行时，为每个运行绘制的曲线。</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢复训练</translation>
    </message>
    <message>
      <source>Continue this stopped run from its last checkpoint on the Training page.</source>
      <translation>在“训练”页面上从最后一个检查点继续此已停止的运行。</translation>
    </message>
    <message>
      <source>Open in Inspector</source>
      <translation>在检查器中打开</translation>
    </message>
    <message>
      <source>Look at this run's scores, errors and memory attention video by video.</source>
      <translation>逐个视频查看此运行的分数、误差和记忆注意力。</translation>
    </message>
    <message>
      <source>Compare:</source>
      <translation>比较：</translation>
    </message>
    <message>
      <source>Runs folder</source>
      <translation>运行文件夹</translation>
    </message>
    <message>
      <source>%1 (problem)</source>
      <translation>%1（有问题）</translation>
    </message>
    <message>
      <source>No runs in %1 yet: train one on the Training page.</source>
      <translation>%1 中还没有运行：请在“训练”页面上训练一个。</translation>
    </message>
    <message>
      <source>Select a run to see its curves, or several to compare them.</source>
      <translation>选择一个运行以查看其曲线，或选择多个以进行比较。</translation>
    </message>
    <message numerus="yes">
      <source>Comparing %n runs.</source>
      <translation>
        <numerusform>正在比较 %n 个运行。</numerusform>
      </translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3, %4; %5 of %6 epochs, %7 steps</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; — %2，%3，%4；%5/%6 轮次，%7 步</translation>
    </message>
    <message>
      <source>%1×%1 px, width %2, %3 items, t_length %4, batch %5, lr %6, λc %7, λs %8, seed %9, %10</source>
      <translation>%1×%1 像素，宽度 %2，%3 个记忆项，t_length %4，批大小 %5，学习率 %6，λc %7，λs %8，种子 %9，%10</translation>
    </message>
    <message>
      <source>AUC %1 (micro, frame-level)</source>
      <translation>AUC %1（微平均，帧级）</translation>
    </message>
    <message>
      <source>Not evaluated yet.</source>
      <translation>尚未评估。</translation>
    </message>
    <message>
      <source>not started</source>
      <translation>未开始</translation>
    </message>
    <message>
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <source>finished</source>
      <translation>已完成</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::ScoreStrip</name>
    <message>
      <source>frame</source>
      <translation>帧</translation>
    </message>
    <message>
      <source>anomaly score</source>
      <translation>异常分数</translation>
    </message>
    <message>
      <source>PSNR (dB)</source>
      <translation>PSNR（dB）</translation>
    </message>
    <message>
      <source>feature distance</source>
      <translation>特征距离</translation>
    </message>
    <message>
      <source>PSNR</source>
      <translation>PSNR</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::TrainingForm</name>
    <message>
      <source>Paper, GPU</source>
      <translation>论文设置，GPU</translation>
    </message>
    <message>
      <source>CPU quick</source>
      <translation>CPU 快速</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Prediction (4 frames → 5th)</source>
      <translation>预测（4 帧 → 第 5 帧）</translation>
    </message>
    <message>
      <source>Reconstruction (1 frame)</source>
      <translation>重建（1 帧）</translation>
    </message>
    <message>
      <source>Preset:</source>
      <translation>预设：</translation>
    </message>
    <message>
      <source>Method:</source>
      <translation>方法：</translation>
    </message>
    <message>
      <source>Epochs:</source>
      <translation>轮次（epoch）：</translation>
    </message>
    <message>
      <source>Batch size:</source>
      <translation>批大小：</translation>
    </message>
    <message>
      <source>Learning rate:</source>
      <translation>学习率：</translation>
    </message>
    <message>
      <source>λ compactness:</source>
      <translation>λ 紧凑性：</translation>
    </message>
    <message>
      <source>λ separateness:</source>
      <translation>λ 分离性：</translation>
    </message>
    <message>
      <source>Image size:</source>
      <translation>图像尺寸：</translation>
    </message>
    <message>
      <source>Width:</source>
      <translation>宽度：</translation>
    </message>
    <message>
      <source>Memory items:</source>
      <translation>记忆项数：</translation>
    </message>
    <message>
      <source>Frames per clip:</source>
      <translation>每片段帧数：</translation>
    </message>
    <message>
      <source>Seed:</source>
      <translation>随机种子：</translation>
    </message>
    <message>
      <source>Device:</source>
      <translation>设备：</translation>
    </message>
    <message>
      <source>Paper, GPU: the published setting (256², width 64, 10 items, 60 epochs), for a CUDA GPU. CPU quick: 64², width 16, 5 epochs, to try the pipeline on a CPU in minutes.</source>
      <translation>论文设置，GPU：论文发表的设置（256²，宽度 64，10 个记忆项，60 轮次），适用于 CUDA GPU。CPU 快速：64²，宽度 16，5 轮次，可在几分钟内用 CPU 试跑整个流程。</translation>
    </message>
    <message>
      <source>Prediction: the model sees 4 frames and predicts the 5th (U-Net with skips). Reconstruction: it reconstructs the frame it sees (no skips).</source>
      <translation>预测：模型输入 4 帧，预测第 5 帧（带跳跃连接的 U-Net）。重建：模型重建输入的帧（无跳跃连接）。</translation>
    </message>
    <message>
      <source>Passes over all training clips (paper: 60). The learning rate follows a cosine from its start value to 0 over the epochs.</source>
      <translation>遍历全部训练片段的次数（论文：60）。学习率在各轮次中按余弦曲线从初始值降至 0。</translation>
    </message>
    <message>
      <source>Clips per optimizer step (paper: 4). Larger batches need more memory.</source>
      <translation>每个优化器步的片段数（论文：4）。批越大，占用的内存（显存）越多。</translation>
    </message>
    <message>
      <source>λs, weight of the feature separateness loss, which pushes the second nearest item away so that items stay distinct (official: 0.1 / 0.01).</source>
      <translation>λs，特征分离性损失的权重，该损失将第二近的记忆项推开，使各记忆项保持区分（官方：0.1 / 0.01）。</translation>
    </message>
    <message>
      <source>Frames are resized to this square side, a multiple of 8 (paper: 256).</source>
      <translation>帧会缩放为此边长的正方形，边长须为 8 的倍数（论文：256）。</translation>
    </message>
    <message>
      <source>Channels of the first encoder stage; the stages have w, 2w, 4w, 8w and the memory items 8w dimensions (paper: 64, i.e. 512-d items). 16 trains much faster on a CPU.</source>
      <translation>编码器第一阶段的通道数；各阶段依次为 w、2w、4w、8w 通道，记忆项为 8w 维（论文：64，即 512 维记忆项）。设为 16 时在 CPU 上训练会快得多。</translation>
    </message>
    <message>
      <source>Number of memory items M that store the prototypical normal patterns (paper: 10).</source>
      <translation>存储典型正常模式的记忆项数量 M（论文：10）。</translation>
    </message>
    <message>
      <source>Frames per training clip: inputs plus the target (prediction: 5, i.e. 4 → 1; reconstruction: 1).</source>
      <translation>每个训练片段的帧数：输入帧加目标帧（预测：5，即 4 → 1；重建：1）。</translation>
    </message>
    <message>
      <source>Seed of the initial memory, the weights and the clip order: the same seed on the CPU gives the same losses.</source>
      <translation>初始记忆、网络权重和片段顺序的随机种子：在 CPU 上使用相同的种子会得到相同的损失。</translation>
    </message>
    <message>
      <source>Where the model trains. Automatic uses the first CUDA GPU when there is one.</source>
      <translation>模型训练所用的设备。“自动”会在有 CUDA GPU 时使用第一块 CUDA GPU。</translation>
    </message>
    <message>
      <source>Automatic (CPU: no CUDA GPU found)</source>
      <translation>自动（CPU：未找到 CUDA GPU）</translation>
    </message>
    <message>
      <source>Automatic (%1)</source>
      <translation>自动（%1）</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>GPU %1: %2</source>
      <translation>GPU %1：%2</translation>
    </message>
    <message>
      <source>Adam's initial learning rate (paper: 0.0002), annealed to 0 by a cosine over the epochs.</source>
      <translation>Adam 的初始学习率（论文：0.0002），在各轮次间按余弦退火至 0。</translation>
    </message>
    <message>
      <source>λc, weight of the feature compactness loss, which pulls each query to its nearest memory item (official: 0.1 prediction, 0.01 reconstruction).</source>
      <translation>λc，特征紧凑性损失的权重，该损失将每个查询拉向其最近的记忆项（官方：预测 0.1，重建 0.01）。</translation>
    </message>
    <message>
      <source>float32 (as the paper)</source>
      <translation>float32（与论文相同）</translation>
    </message>
    <message>
      <source>bfloat16 mixed precision</source>
      <translation>bfloat16 混合精度</translation>
    </message>
    <message>
      <source>Precision:</source>
      <translation>精度：</translation>
    </message>
    <message>
      <source>bfloat16 runs the convolutions in mixed precision (autocast): several times faster on GPUs with tensor cores, slower on most CPUs. The memory, the losses and the scores stay float32.</source>
      <translation>bfloat16 以混合精度（autocast）运行卷积：在带 Tensor Core 的 GPU 上快数倍，在大多数 CPU 上更慢。记忆、损失和分数仍为 float32。</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::TrainingPage</name>
    <message>
      <source>checkpoint %1</source>
      <translation>检查点 %1</translation>
    </message>
    <message>
      <source>Evaluating: video %1 of %2</source>
      <translation>正在评估：第 %1 个视频，共 %2 个</translation>
    </message>
    <message>
      <source>none — open one on the Dataset page</source>
      <translation>无 — 请在“数据集”页面上打开一个</translation>
    </message>
    <message>
      <source>Open a dataset first (File → Open Dataset…).</source>
      <translation>请先打开数据集（文件 → 打开数据集…）。</translation>
    </message>
    <message>
      <source>%1 is not a run folder (no config.json).</source>
      <translation>%1 不是运行文件夹（没有 config.json）。</translation>
    </message>
    <message>
      <source>Preparing the run…</source>
      <translation>正在准备运行…</translation>
    </message>
    <message>
      <source>Resuming %1…</source>
      <translation>正在恢复训练 %1…</translation>
    </message>
    <message>
      <source>Stopping after this step…</source>
      <translation>将在此步结束后停止…</translation>
    </message>
    <message>
      <source>Training is running</source>
      <translation>训练正在进行</translation>
    </message>
    <message>
      <source>Stop the training and close? A checkpoint is written first, and the run can be resumed later.</source>
      <translation>要停止训练并关闭吗？会先写入检查点，之后可以恢复该运行的训练。</translation>
    </message>
    <message>
      <source>Step %1 of %2</source>
      <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
      <source>Training %1</source>
      <translation>正在训练 %1</translation>
    </message>
    <message>
      <source>Epoch %1/%2 · step %3/%4 · %5 samples/s · elapsed %6 · ETA %7 · loss %8</source>
      <translation>轮次 %1/%2 · 步 %3/%4 · %5 样本/秒 · 已用时 %6 · 预计剩余 %7 · 损失 %8</translation>
    </message>
    <message>
      <source>%1 after %2 steps in %3 (%4 samples/s).</source>
      <translation>%1：共 %2 步，用时 %3（%4 样本/秒）。</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <source>Checkpoint: %1</source>
      <translation>检查点：%1</translation>
    </message>
    <message>
      <source>Checkpoint kept: %1. Resume continues from there.</source>
      <translation>已保留检查点：%1。“恢复训练”将从此处继续。</translation>
    </message>
    <message>
      <source>Evaluating…</source>
      <translation>正在评估…</translation>
    </message>
    <message>
      <source>warning: %1</source>
      <translation>警告：%1</translation>
    </message>
    <message>
      <source>Evaluation stopped.</source>
      <translation>评估已停止。</translation>
    </message>
    <message>
      <source>Evaluated %1 frames; no ground truth, so no AUC.</source>
      <translation>已评估 %1 帧；没有真值标注，因此无法计算 AUC。</translation>
    </message>
    <message>
      <source>AUC %1 (micro, frame-level) · macro %2 · EER %3 · %4 frames</source>
      <translation>AUC %1（微平均，帧级）· 宏平均 %2 · EER %3 · %4 帧</translation>
    </message>
    <message>
      <source>Evaluation failed: %1</source>
      <translation>评估失败：%1</translation>
    </message>
    <message>
      <source>Training failed: %1</source>
      <translation>训练失败：%1</translation>
    </message>
    <message>
      <source>Runs folder</source>
      <translation>运行文件夹</translation>
    </message>
    <message>
      <source>Run to resume</source>
      <translation>要恢复训练的运行</translation>
    </message>
    <message>
      <source>Compare with Run…</source>
      <translation>与运行比较…</translation>
    </message>
    <message>
      <source>Run to compare with</source>
      <translation>要比较的运行</translation>
    </message>
    <message>
      <source>Clear Comparison</source>
      <translation>清除比较</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>恢复训练</translation>
    </message>
    <message>
      <source>Resume…</source>
      <translation>恢复训练…</translation>
    </message>
    <message>
      <source>New runs go to &lt;folder&gt;/&lt;dataset&gt;/&lt;method&gt;/&lt;date-time&gt;_&lt;name&gt;/.</source>
      <translation>新运行保存在 &lt;folder&gt;/&lt;dataset&gt;/&lt;method&gt;/&lt;date-time&gt;_&lt;name&gt;/。</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>可选</translation>
    </message>
    <message>
      <source>Appended to the run folder's name, to tell runs apart.</source>
      <translation>附加在运行文件夹名称之后，用于区分各个运行。</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>Dataset:</source>
      <translation>数据集：</translation>
    </message>
    <message>
      <source>Runs folder:</source>
      <translation>运行文件夹：</translation>
    </message>
    <message>
      <source>Run name:</source>
      <translation>运行名称：</translation>
    </message>
    <message>
      <source>Hyper-parameters</source>
      <translation>超参数</translation>
    </message>
    <message>
      <source>Evaluate when finished</source>
      <translation>完成后评估</translation>
    </message>
    <message>
      <source>Score the test split with the final checkpoint and show the frame-level AUC.</source>
      <translation>用最终检查点为测试集打分，并显示帧级 AUC。</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Start a new run with these settings on the open dataset.</source>
      <translation>使用这些设置在已打开的数据集上开始新的运行。</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>Stop after the current step; a checkpoint is written and the run can be resumed.</source>
      <translation>在当前步结束后停止；会写入检查点，之后可以恢复该运行的训练。</translation>
    </message>
    <message>
      <source>Continue a stopped run from its last checkpoint (the last one here, or one you choose).</source>
      <translation>从最后一个检查点继续已停止的运行（默认为此处最近的运行，也可以自行选择）。</translation>
    </message>
    <message>
      <source>Open in Inspector</source>
      <translation>在检查器中打开</translation>
    </message>
    <message>
      <source>Look at this run's scores, errors and memory attention video by video.</source>
      <translation>逐个视频查看此运行的分数、误差和记忆注意力。</translation>
    </message>
    <message>
      <source>Draw another run's total loss in the plot, to compare it with this one.</source>
      <translation>在图中绘制另一运行的总损失，以便与本运行比较。</translation>
    </message>
    <message>
      <source>Loss curves</source>
      <translation>损失曲线</translation>
    </message>
    <message>
      <source>Memory</source>
      <translation>记忆</translation>
    </message>
    <message>
      <source>Log</source>
      <translation>日志</translation>
    </message>
  </context>
  <context>
    <name>mnad::ui::TrainingWorker</name>
    <message>
      <source>warning: %1</source>
      <translation>警告：%1</translation>
    </message>
    <message>
      <source>evaluating %1 on its test split</source>
      <translation>正在其测试集上评估 %1</translation>
    </message>
  </context>
</TS>