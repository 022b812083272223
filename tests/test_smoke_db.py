from clerk_app.queue.service import QueueService


def test_demo_hall_is_there(queue: QueueService) -> None:
    status = queue.status()
    assert status.hall_code == "CC01"
    assert [w.number for w in status.windows] == list(range(1, 9))
    assert len(status.services) == 6
