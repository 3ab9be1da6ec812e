package dev.tagline.video.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextCuesTest {
    @Test
    void aNumberIsShownWithTheWordItCounts() {
        assertEquals(Optional.of("3 ways"), TextCues.number("Here are 3 ways to undo a commit."));
        assertEquals(Optional.of("five mistakes"), TextCues.number("Five mistakes everyone makes with git."));
        assertEquals(Optional.of("90%"), TextCues.number("Why do 90% of rebases fail?"));
        assertEquals(Optional.of("ten"), TextCues.number("Count to ten."));
        assertEquals(Optional.of("two"), TextCues.number("Pick two of them."));
    }

    @Test
    void oneIsNotACountWorthAHook() {
        assertEquals(Optional.empty(), TextCues.number("This is one of the settings we open."));
        assertEquals(Optional.empty(), TextCues.number("You are allowed to use this one for anything."));
    }

    /**
     * Dogfood round 4 (F8): "Picked for an opening question" for a clip opening "When you write a message, describe
     * why…", "a result (\"before\")" and "a bold claim (\"wrong\")" for ordinary statements.
     */
    @Test
    void reasonsNamedCuesThatWereNotThere_nowOnlyRealQuestionsResultsAndBoldClaims() {
        assertFalse(TextCues.question("When you write a message, describe why you made the change.", true));
        assertTrue(TextCues.question("Why do 90% of rebases fail?", true));
        assertTrue(TextCues.question("Rebasing looks scary. So why do rebases fail?", true), "the second sentence");
        assertTrue(TextCues.question("why do rebases fail", false), "no punctuation at all: the question word it is");
        assertTrue(TextCues.punctuated(List.of("we open git", "Then we commit.")));
        assertFalse(TextCues.punctuated(List.of("we open git", "then we commit")));

        for (String ordinary : List.of("Run the tests before you push.", "Merge it after lunch.",
                "Git works by storing snapshots.", "I saved the file.", "Use git switch instead.",
                "We ran it many times, faster each day.", "The result of git log is long.")) {
            assertEquals(Optional.empty(), TextCues.result(ordinary), ordinary);
        }
        assertEquals(Optional.of("than before"), TextCues.result("Now the build is three times faster than before."));
        assertEquals(Optional.of("3x faster"), TextCues.result("The build got 3x faster."));
        assertEquals(Optional.of("before and after"), TextCues.result("Here is the before and after."));
        assertEquals(Optional.of("it works"), TextCues.result("Push again, and it works."));
        assertEquals(Optional.of("is fixed"), TextCues.result("The merge conflict is fixed."));
        assertEquals(Optional.of("saves you"), TextCues.result("This alias saves you an hour a week."));

        for (String ordinary : List.of("If something goes wrong, run git status.", "Only the staged files go in.",
                "Hi everyone, welcome back.", "I always forget the flag.", "You must commit first.",
                "If you type anything wrong, git says so.", "This is best done on a clean tree.")) {
            assertEquals(Optional.empty(), TextCues.bold(ordinary), ordinary);
        }
        assertEquals(Optional.of("doing it wrong"), TextCues.bold("You're doing it wrong."));
        assertEquals(Optional.of("you're wrong"), TextCues.bold("If you think rebase is dangerous, you're wrong."));
        assertEquals(Optional.of("never rebase"), TextCues.bold("Never rebase a shared branch."));
        assertEquals(Optional.of("the best way"), TextCues.bold("This is the best way to undo a commit."));
        assertEquals(Optional.of("nobody tells"), TextCues.bold("Nobody tells you this about git."));
        assertEquals(Optional.of("crazy"), TextCues.bold("This trick is crazy."));
    }
}
