/**
 * The post browser and a post's detail view.
 */
package org.signalbench.ui.posts;
