package io.paperpost.feedback;

import io.paperpost.site.InvalidLinkException;

/**
 * What a steering link of the digest asks for: an action on a paper of the email, its first author or its primary
 * topic.
 *
 * @param topicId the paper's primary topic when the email was made, null when it had none
 */
public record Steering(long readerId, Action action, String paperId, String topicId) {

    /** The one-click actions of an email's paper card. */
    public enum Action {
        /** Stronger than 👎: papers close to this one in meaning and in words rank lower. */
        FEWER_LIKE_THIS("fewer"),
        /** Papers by the author are never picked. */
        MUTE_AUTHOR("mute-author"),
        /** "More from this author": follows them. */
        FOLLOW_AUTHOR("follow-author"),
        /** Papers whose primary topic this is are never picked. */
        MUTE_TOPIC("mute-topic");

        final String code;

        Action(String code) {
            this.code = code;
        }

        /** How the action is named in its link's path. */
        public String code() {
            return code;
        }

        static Action ofCode(String code) {
            for (Action action : values()) {
                if (action.code.equals(code)) {
                    return action;
                }
            }
            throw new InvalidLinkException("steering link with unknown action");
        }
    }
}
