import { PointerSensor } from '@dnd-kit/core';
import { flushSync } from 'react-dom';

/**
 * dnd-kit's pointer sensor, with the drag's start rendered at once. The drag starts in the
 * pointer move that passes the activation distance. React would render the updates of a
 * move (a continuous event) in a task after the frame the move was handled in, so what is
 * dragged would lift a frame later (benchmark B2); here they are rendered before the move's
 * handler returns, in time for that frame.
 */
export class LiftingPointerSensor extends PointerSensor {
  constructor(props: ConstructorParameters<typeof PointerSensor>[0]) {
    const onStart = props.onStart;
    super({ ...props, onStart: (coordinates) => flushSync(() => onStart(coordinates)) });
  }
}
