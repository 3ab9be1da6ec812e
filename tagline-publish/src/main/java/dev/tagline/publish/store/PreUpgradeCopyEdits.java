package dev.tagline.publish.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.core.manifest.ClipManifest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 6: keeps the text of posts edited on the calendar before version 5 added {@code copy_edited}.
 * Before version 5 a post never followed its clip: it kept the copy its clip had when it was queued, which the media
 * row's {@code manifest_json} still holds, until the user edited it. Version 5 marked every post as following its clip,
 * so the next calendar load or upload would have replaced those edits with the clip's copy. Here a post that has not
 * started publishing and whose title or text differs from the copy its queued manifest holds for its platform is marked
 * edited, and so keeps its text ({@code publish follow-clip} takes the clip's copy again). A media row whose manifest
 * cannot be read marks its posts edited too: their text is kept, never guessed.
 *
 * <p>It does this only when the database was below version 5 when this run started ({@code fromBeforeCopyEdits}): in
 * a database that reached version 5 under a later build, posts already follow their clip and an edit is marked when
 * it is made.
 */
final class PreUpgradeCopyEdits implements JavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final boolean fromBeforeCopyEdits;

    PreUpgradeCopyEdits(boolean fromBeforeCopyEdits) {
        this.fromBeforeCopyEdits = fromBeforeCopyEdits;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "keep pre-upgrade copy edits";
    }

    @Override
    public Integer getChecksum() {
        return 6;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!fromBeforeCopyEdits) {
            return;
        }
        Connection connection = context.getConnection();
        List<Long> edited = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT p.id, p.title, p.caption, c.platform,"
                + " m.manifest_json FROM post p JOIN channel c ON c.id = p.channel_id JOIN media m ON m.id = p.media_id"
                + " WHERE p.state IN ('queued', 'scheduled') AND p.step = 'upload' AND p.copy_edited = 0");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                if (!queuedCopy(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))) {
                    edited.add(rs.getLong(1));
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE post SET copy_edited = 1 WHERE id = ?")) {
            for (long id : edited) {
                update.setLong(1, id);
                update.executeUpdate();
            }
        }
    }

    /** Whether the post's text is the copy its queued manifest holds for {@code platform}. */
    private static boolean queuedCopy(String title, String caption, String platform, String manifestJson) {
        ClipManifest.Copy copy;
        try {
            copy = JSON.readValue(manifestJson, ClipManifest.class).copyFor(platform);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return copy != null && Objects.equals(Objects.toString(copy.title(), ""), Objects.toString(title, ""))
                && copy.text().equals(caption);
    }
}
