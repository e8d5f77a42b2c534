package org.signalbench.labels;

/** How far a coder is: posts with their dealer answer out of all posts in the queue. */
public record Progress(int done, int total) {
    public Progress plus(int doneDelta) {
        return new Progress(done + doneDelta, total);
    }
}
