/**
 * The glue of process {@code ExpertReview}: its names ({@link
 * io.github.xuke.expert.process.ExpertReviewProcess}, which the clocks read for the tasks and
 * timers they govern) and one class per element of the diagram.
 */
@NamedInterface("process")
package io.github.xuke.expert.process;

import org.springframework.modulith.NamedInterface;
