namespace Dialer.Core; public static class Placeholder;
