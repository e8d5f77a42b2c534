package org.signalbench.topics;

/**
 * The biterms of a corpus as Yan et al. (2013) define them: every unordered pair of word occurrences
 * in a document less than {@code window} positions apart (the reference implementation's rule: with
 * the default 15, pairs within any 15 consecutive words). Stored as two parallel arrays of word ids,
 * the smaller id first.
 */
final class Biterms {
    final int[] first;
    final int[] second;

    private Biterms(int[] first, int[] second) {
        this.first = first;
        this.second = second;
    }

    int size() {
        return first.length;
    }

    /** Biterms of a document of {@code length} words. */
    static long count(int length, int window) {
        long n = 0;
        for (int i = 0; i < length - 1; i++) {
            n += Math.min(i + window, length) - i - 1;
        }
        return n;
    }

    static long count(TopicCorpus corpus, int window) {
        long n = 0;
        for (int[] doc : corpus.documents()) {
            n += count(doc.length, window);
        }
        return n;
    }

    static Biterms of(TopicCorpus corpus, int window) {
        long n = count(corpus, window);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the corpus has " + n + " biterms, more than one array can hold");
        }
        int[] first = new int[(int) n];
        int[] second = new int[(int) n];
        int b = 0;
        for (int[] doc : corpus.documents()) {
            for (int i = 0; i < doc.length - 1; i++) {
                int end = Math.min(i + window, doc.length);
                for (int j = i + 1; j < end; j++) {
                    first[b] = Math.min(doc[i], doc[j]);
                    second[b] = Math.max(doc[i], doc[j]);
                    b++;
                }
            }
        }
        return new Biterms(first, second);
    }
}
