package io.paperpost.delivery;

import java.util.List;

/**
 * What a claimed email will hold, written with the claim.
 *
 * @param paperIds      the papers in it, in order
 * @param papersThrough the last paper batch its window reached: the reader's watermark once it is sent
 */
public record ComposedEmail(List<String> paperIds, long papersThrough) {
}
