using Dialer.Core.Lists;

namespace Dialer.Tests.Lists;

public sealed class FreshOrderPropertyTests
{
    sealed record Placed(int List, long Rank, TimeSpan Offset);

    [Fact]
    public void Lists_of_one_priority_interleave_by_weight_inside_the_minute_on_generated_lists()
    {
        var random = new Random(2026);
        for (var run = 0; run < 300; run++)
        {
            var lists = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => (Size: (long)random.Next(1, run < 250 ? 3000 : 200_000), Weight: random.Next(1, 101)))
                .ToArray();
            var longest = FreshOrder.Longest(lists);
            var placed = lists.SelectMany((l, i) => Enumerable.Range(0, (int)Math.Min(l.Size, 5000))
                    .Select(r => new Placed(i, r, FreshOrder.Offset(r, l.Weight, longest))))
                .OrderBy(p => p.Offset).ThenBy(p => p.List).ThenBy(p => p.Rank).ToList(); // then by id: attach order

            Assert.All(placed, p => Assert.InRange(p.Offset, TimeSpan.Zero, TimeSpan.FromMinutes(1) - Tick));
            foreach (var group in placed.GroupBy(p => p.List)) // a list keeps its own order
                Assert.Equal(group.Select(p => p.Rank).Order(), group.Select(p => p.Rank));

            // while no list has run out, each list's share of every prefix is its weight's, within the list count
            var end = placed.TakeWhile(p => p.Rank < Math.Min(lists[p.List].Size, 5000) - 1).Count();
            var taken = new int[lists.Length];
            var total = lists.Sum(l => (double)l.Weight);
            for (var n = 1; n <= end; n++)
            {
                taken[placed[n - 1].List]++;
                for (var i = 0; i < lists.Length; i++)
                    Assert.True(Math.Abs(taken[i] - n * lists[i].Weight / total) <= lists.Length + 1,
                        $"run {run}: list {i} (weight {lists[i].Weight}) had {taken[i]} of {n}");
            }
        }
    }

    static readonly TimeSpan Tick = TimeSpan.FromTicks(10); // a microsecond, PostgreSQL's resolution

    [Fact]
    public void The_longest_list_just_fills_the_minute_and_a_lone_list_keeps_its_order()
    {
        var longest = FreshOrder.Longest([(1000, 10), (300, 1)]);
        Assert.Equal(300, longest);
        Assert.True(FreshOrder.Offset(299, 1, longest) < TimeSpan.FromMinutes(1));
        Assert.True(FreshOrder.Offset(299, 1, longest) > TimeSpan.FromSeconds(59));
        Assert.Equal(TimeSpan.Zero, FreshOrder.Offset(0, 100, longest));
        Assert.Equal(CampaignList.FreshDueAt(4), FreshOrder.DueAt(4, 0, 7, longest));
        var alone = FreshOrder.Longest([(5_000_000, 1)]);
        Assert.True(FreshOrder.Offset(4_999_998, 1, alone) < FreshOrder.Offset(4_999_999, 1, alone));
    }
}
