/**
 * The bundle format: a portable archive of posts with their media, and its writer.
 */
package org.signalbench.bundle;
