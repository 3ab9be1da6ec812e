package dev.tagline.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tagline.core.process.ProcessRunner;
import dev.tagline.inference.TestModels;
import dev.tagline.inference.faces.FaceDetector;
import dev.tagline.inference.faces.FaceSettings;
import dev.tagline.video.TestMedia;
import dev.tagline.video.ffmpeg.Ffmpeg;
import dev.tagline.video.ffmpeg.MediaInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reframing on generated videos with a real face photo (shared/data/photos) and the real BlazeFace model. */
class ReframeIT {
    static FaceDetector detector;
    static FaceFinder faces;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        detector = TestModels.faces(FaceSettings.DEFAULTS);
        faces = FaceFinder.of(detector);
    }

    @Test
    void theCropFollowsAFaceMovingAcrossTheFrame() {
        Path photo = TestMedia.sharedData("photos").resolve("obama.jpg");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        // obama.jpg 910×1137 scaled to 240×300; the face moves right at 25 px/s
        Path source = TestMedia.make(ffmpeg, dir.resolve("walk.mp4"), "-f", "lavfi", "-i",
                "color=c=0x406080:s=640x360:r=30:d=6", "-loop", "1", "-i", photo.toString(), "-f", "lavfi", "-i",
                "sine=d=6", "-filter_complex", "[1:v]scale=240:300[p];[0:v][p]overlay=x='40+25*t':y=30:shortest=1[v]",
                "-map", "[v]", "-map", "2:a", "-t", "6", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p", "-c:a", "aac");
        Path still = TestMedia.make(ffmpeg, dir.resolve("photo.png"), "-i", photo.toString(), "-vf", "scale=240:300");
        double faceInPhoto = faces.find(image(ffmpeg, still, 240, 300)).get(0).centreX();
        RenderJob job = ClipRendererIT.job(source, ffmpeg.probe(source), 0, 6, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("track.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, null);
        assertEquals(List.of(ReframeMode.TRACK), scenes.stream().map(Scene::mode).toList());
        CropPath path = scenes.get(0).cropPath();
        double crop = SceneFilters.cropSize(640, 360, 1080, 1920).width();
        for (double t = 0.2; t < 6; t += 0.2) {
            double face = 40 + 25 * t + faceInPhoto;
            double centre = path.xAt(Duration.ofMillis(Math.round(t * 1000))) + crop / 2;
            assertTrue(Math.abs(face - centre) <= DeadZoneCamera.DEAD_ZONE * crop + 6,
                    "t=" + t + ": face " + face + ", crop centre " + centre);
        }
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(job.source(),
                job.start(), job.end(), 640, 360, true, Aspect.PORTRAIT, scenes, Optional.empty(),
                ClipRendererIT.FAST, job.output()));
        for (double t : new double[] {1, 3, 5.5}) {
            BufferedImage frame = image(ffmpeg, frameAt(ffmpeg, job.output(), t), 270, 480);
            List<Rect> seen = faces.find(frame);
            assertFalse(seen.isEmpty(), "a face in the rendered frame at " + t + " s");
            assertTrue(Math.abs(seen.get(0).centreX() - 135) <= DeadZoneCamera.DEAD_ZONE * 270 + 8,
                    "rendered face centre " + seen.get(0).centreX() + " of 270 at " + t + " s");
        }
    }

    @Test
    void aScreenRecordingWithAFaceInsetIsStacked() {
        Path photo = TestMedia.sharedData("photos").resolve("obama.jpg");
        Ffmpeg ffmpeg = TestMedia.ffmpeg();
        StringBuilder slide = new StringBuilder("[0:v]");
        for (int y = 30; y < 330; y += 24) {
            slide.append("drawbox=x=24:y=").append(y).append(":w=").append(300 + (y * 7) % 120)
                    .append(":h=10:c=black:t=fill,");
        }
        slide.append("drawbox=x=16:y=16:w=440:h=328:c=0x3060c0:t=3[s];[1:v]scale=144:180[p];[s][p]overlay=x=480:y=170");
        Path source = TestMedia.make(ffmpeg, dir.resolve("screen.mp4"), "-f", "lavfi", "-i",
                "color=c=white:s=640x360:r=30:d=3", "-loop", "1", "-i", photo.toString(), "-f", "lavfi", "-i",
                "sine=d=3", "-filter_complex", slide + ":shortest=1[v]", "-map", "[v]", "-map", "2:a", "-t", "3",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        RenderJob job = ClipRendererIT.job(source, ffmpeg.probe(source), 0, 3, Aspect.PORTRAIT, ReframeMode.CENTER,
                dir.resolve("screen.clip.mp4"));
        List<Scene> scenes = new ClipAnalyser(ffmpeg, faces).scenes(job, null);
        assertEquals(List.of(ReframeMode.SCREENCAST), scenes.stream().map(Scene::mode).toList());
        ScreenLayout layout = scenes.get(0).layout();
        assertTrue(layout.content().x() <= 24 && layout.content().x() + layout.content().width() >= 440,
                "content " + layout.content());
        assertTrue(layout.speaker().x() + layout.speaker().width() > 560, "speaker " + layout.speaker());
        new ClipRenderer(ffmpeg, new ProcessRunner(), Duration.ofMinutes(2)).render(new RenderJob(job.source(),
                job.start(), job.end(), 640, 360, true, Aspect.PORTRAIT, scenes, Optional.empty(),
                ClipRendererIT.FAST, job.output()));
        MediaInfo.VideoStream v = ffmpeg.probe(job.output()).firstVideo().orElseThrow();
        assertEquals(1080, v.width());
        assertEquals(1920, v.height());
        List<Rect> below = faces.find(image(ffmpeg, frameAt(ffmpeg, job.output(), 1.5), 270, 480));
        assertFalse(below.isEmpty(), "the speaker is in the rendered frame");
        assertTrue(below.get(0).centreY() > 240, "the speaker is below the content: " + below.get(0));
    }

    static Path frameAt(Ffmpeg ffmpeg, Path video, double t) {
        Path png = video.resolveSibling(video.getFileName() + "-" + (int) (t * 1000) + ".png");
        return TestMedia.make(ffmpeg, png, "-ss", String.valueOf(t), "-i", video.toString(), "-frames:v", "1",
                "-vf", "scale=270:480", "-update", "1");
    }

    static BufferedImage image(Ffmpeg ffmpeg, Path picture, int w, int h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ffmpeg.stream(ffmpeg.command().input(picture).option("-vf", "scale=" + w + ":" + h, "-pix_fmt", "rgb24",
                "-f", "rawvideo").output("pipe:1").build(), picture, "reading", in -> in.transferTo(bytes));
        return ClipAnalyser.image(bytes.toByteArray(), w, h);
    }
}
