<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
      <source>Play a test video with its frame-wise anomaly score, error heatmap, memory attention and memory usage. Open a run that has been evaluated to inspect it.</source>
      <translation>播放测试视频，并查看逐帧异常分数、误差热图、记忆注意力和记忆使用情况。打开一个已评估的运行即可检查。</translation>
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
      <source>Train a prediction or reconstruction model on the open dataset and follow its losses and memory live.</source>
      <translation>在打开的数据集上训练预测或重建模型，并实时查看其损失和记忆。</translation>
    </message>
  </context>
</TS>